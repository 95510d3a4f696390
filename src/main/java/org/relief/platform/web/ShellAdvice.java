package org.relief.platform.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.relief.platform.DemoPractice;
import org.relief.platform.PracticeSettings;
import org.relief.platform.Role;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts what the page shell needs on every page: the practice and whether its data is synthetic. */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
class ShellAdvice {

  private final DemoPractice demoPractice;
  private final PracticeSettings practice;

  ShellAdvice(DemoPractice demoPractice, PracticeSettings practice) {
    this.demoPractice = demoPractice;
    this.practice = practice;
  }

  @ModelAttribute("syntheticData")
  boolean syntheticData() {
    return demoPractice.loaded();
  }

  @ModelAttribute("practiceName")
  String practiceName() {
    return practice.name();
  }

  @ModelAttribute("navigation")
  List<Navigation.Item> navigation() {
    return Navigation.visible(Navigation.DAY, heldRoles());
  }

  @ModelAttribute("adminNavigation")
  List<Navigation.Item> adminNavigation() {
    return Navigation.visible(Navigation.ADMIN, heldRoles());
  }

  private static Set<Role> heldRoles() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth == null || !auth.isAuthenticated()) {
      return Set.of();
    }
    Set<Role> held = EnumSet.noneOf(Role.class);
    for (GrantedAuthority a : auth.getAuthorities()) {
      for (Role r : Role.values()) {
        if (r.authority().equals(a.getAuthority())) {
          held.add(r);
        }
      }
    }
    return held;
  }
}
