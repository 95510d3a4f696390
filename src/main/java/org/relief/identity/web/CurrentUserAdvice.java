package org.relief.identity.web;

import org.relief.identity.UserAccount;
import org.relief.identity.UserAccounts;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the signed-in person's account on every page, for the shell's header. */
@ControllerAdvice(annotations = Controller.class)
class CurrentUserAdvice {

  private final UserAccounts accounts;

  CurrentUserAdvice(UserAccounts accounts) {
    this.accounts = accounts;
  }

  @ModelAttribute("currentUser")
  UserAccount currentUser() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth == null || auth instanceof AnonymousAuthenticationToken || !auth.isAuthenticated()) {
      return null;
    }
    return accounts.findByUsername(auth.getName()).orElse(null);
  }
}
