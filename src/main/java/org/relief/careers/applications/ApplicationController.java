package org.relief.careers.applications;

import java.security.Principal;
import org.relief.identity.UserAccounts;
import org.relief.platform.NotFound;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** A specialist's own applications and where each stands (they apply from the match page). */
@Controller
class ApplicationController {

  private final Applications applications;
  private final UserAccounts accounts;

  ApplicationController(Applications applications, UserAccounts accounts) {
    this.applications = applications;
    this.accounts = accounts;
  }

  @GetMapping("/careers/applications")
  String list(Principal principal, Model model) {
    model.addAttribute("applications", applications.ofSpecialist(me(principal)));
    model.addAttribute("activeNav", "careers");
    return "careers/applications";
  }

  private long me(Principal principal) {
    return accounts
        .findByUsername(principal.getName())
        .orElseThrow(() -> new NotFound("There is no such account."))
        .id();
  }
}
