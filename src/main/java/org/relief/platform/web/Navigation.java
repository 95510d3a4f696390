package org.relief.platform.web;

import java.util.List;
import java.util.Set;
import org.relief.platform.Role;

/**
 * The shell's navigation, in the order of the pain specialist's day. Each entry lists the roles
 * that see it; the URL rules that actually guard each area live with the module that owns it.
 */
public final class Navigation {

  /** One entry of the navigation bar. */
  public record Item(String key, String label, String href, Set<Role> roles) {
    boolean visibleTo(Set<Role> held) {
      return roles.stream().anyMatch(held::contains);
    }
  }

  static final Set<Role> CLINICAL =
      Set.of(Role.PAIN_PHYSICIAN, Role.SURGEON, Role.NURSE, Role.FRONT_DESK);
  static final Set<Role> CLINICIANS = Set.of(Role.PAIN_PHYSICIAN, Role.SURGEON, Role.NURSE);
  static final Set<Role> PRACTICE =
      Set.of(Role.PAIN_PHYSICIAN, Role.SURGEON, Role.NURSE, Role.FRONT_DESK, Role.PRACTICE_ADMIN);

  static final List<Item> DAY =
      List.of(
          new Item("today", "Today", "/today", PRACTICE),
          new Item("patients", "Patients", "/patients", CLINICAL),
          new Item("conferences", "Conferences", "/conferences", CLINICIANS),
          new Item("procedures", "Procedures", "/procedures", CLINICAL),
          new Item(
              "followups", "Follow-ups", "/followups", Set.of(Role.PAIN_PHYSICIAN, Role.NURSE)),
          new Item(
              "outcomes",
              "Outcomes",
              "/outcomes",
              Set.of(Role.PAIN_PHYSICIAN, Role.SURGEON, Role.NURSE, Role.PRACTICE_ADMIN)),
          new Item("careers", "Careers", "/careers", Set.of(Role.values())));

  static final List<Item> ADMIN =
      List.of(
          new Item("users", "Users", "/admin/users", Set.of(Role.PRACTICE_ADMIN)),
          new Item(
              "procedure-rooms",
              "Procedure rooms",
              "/procedures/rooms",
              Set.of(Role.PRACTICE_ADMIN)),
          new Item("audit", "Audit trail", "/audit", Set.of(Role.PRACTICE_ADMIN)),
          new Item(
              "followup-plans", "Follow-up plans", "/followups/plans", Set.of(Role.PRACTICE_ADMIN)),
          new Item(
              "outbox",
              "Outbox",
              "/followups/outbox",
              Set.of(Role.FRONT_DESK, Role.PRACTICE_ADMIN)));

  private Navigation() {}

  static List<Item> visible(List<Item> items, Set<Role> held) {
    return items.stream().filter(i -> i.visibleTo(held)).toList();
  }
}
