package org.relief.identity.demo;

import java.util.List;
import java.util.Set;
import org.relief.identity.PracticeInstalled;
import org.relief.identity.UserAccounts;
import org.relief.platform.DemoPractice;
import org.relief.platform.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The synthetic demo practice's staff, created on a newly installed database under the {@code demo}
 * profile only. Every name is invented and marked as synthetic.
 */
@Component
@Profile("demo")
class DemoClinicians {

  private static final Logger log = LoggerFactory.getLogger(DemoClinicians.class);

  /** One synthetic staff member. */
  record Member(String username, String name, Role role) {}

  static final List<Member> STAFF =
      List.of(
          new Member("dr.okafor", "Dr. Amara Okafor (synthetic)", Role.PAIN_PHYSICIAN),
          new Member("dr.lindqvist", "Dr. Erik Lindqvist (synthetic)", Role.PAIN_PHYSICIAN),
          new Member("dr.reyes", "Dr. Sofia Reyes (synthetic)", Role.PAIN_PHYSICIAN),
          new Member("dr.brandt", "Dr. Jonas Brandt (synthetic)", Role.SURGEON),
          new Member("dr.nakamura", "Dr. Keiko Nakamura (synthetic)", Role.SURGEON),
          new Member("nurse.adeyemi", "Tunde Adeyemi, RN (synthetic)", Role.NURSE),
          new Member("desk.moreau", "Claire Moreau (synthetic)", Role.FRONT_DESK),
          new Member("manager.silva", "Paulo Silva (synthetic)", Role.PRACTICE_ADMIN));

  private final UserAccounts accounts;
  private final DemoPractice demoPractice;
  private final String password;

  DemoClinicians(
      UserAccounts accounts,
      DemoPractice demoPractice,
      @Value("${relief.demo.password}") String password) {
    this.accounts = accounts;
    this.demoPractice = demoPractice;
    this.password = password;
  }

  @EventListener
  @Order(0)
  void on(PracticeInstalled installed) {
    for (Member m : STAFF) {
      accounts.create(new UserAccounts.NewUser(m.username(), m.name(), password, Set.of(m.role())));
    }
    demoPractice.markLoaded();
    log.info("Synthetic demo practice loaded: {} staff accounts", STAFF.size());
  }
}
