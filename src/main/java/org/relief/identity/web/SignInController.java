package org.relief.identity.web;

import org.relief.platform.Role;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class SignInController {

  @GetMapping("/login")
  String signIn() {
    return "identity/login";
  }

  /** Sends each person to where their day starts: the clinic's Today, or the job market. */
  @GetMapping("/")
  String home(Authentication authentication) {
    boolean practice =
        authentication.getAuthorities().stream()
            .map(GrantedAuthority::getAuthority)
            .anyMatch(
                a ->
                    a.equals(Role.PRACTICE_ADMIN.authority())
                        || java.util.Arrays.stream(Role.values())
                            .filter(Role::practiceStaff)
                            .anyMatch(r -> r.authority().equals(a)));
    return practice ? "redirect:/today" : "redirect:/careers";
  }
}
