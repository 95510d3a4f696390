package org.relief.careers.alerts;

import org.relief.identity.UserAccounts;
import org.relief.platform.Role;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Puts the specialist's count of new matches on the careers pages, where the specialist's tabs show
 * it; other roles and anonymous visitors get nothing and cost no query.
 */
@ControllerAdvice(basePackages = "org.relief.careers")
class NewMatchesAdvice {

  private final SavedSearches searches;
  private final UserAccounts accounts;

  NewMatchesAdvice(SavedSearches searches, UserAccounts accounts) {
    this.searches = searches;
    this.accounts = accounts;
  }

  @ModelAttribute("newJobMatches")
  Integer newJobMatches() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth == null
        || !auth.isAuthenticated()
        || auth.getAuthorities().stream()
            .noneMatch(a -> a.getAuthority().equals(Role.SPECIALIST.authority()))) {
      return null;
    }
    return accounts
        .findByUsername(auth.getName())
        .map(a -> searches.newMatchCount(a.id()))
        .orElse(null);
  }
}
