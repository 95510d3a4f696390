package org.relief.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.relief.patients.Patient;
import org.relief.patients.PatientDetails;
import org.relief.patients.PatientRegistry;
import org.relief.patients.Sex;
import org.relief.platform.Role;
import org.relief.platform.RuleViolation;
import org.relief.support.Http;
import org.relief.support.ReliefIntegrationTest;
import org.relief.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@ReliefIntegrationTest
class CareTeamsTest {

  private static final AtomicInteger SEQ = new AtomicInteger();

  @LocalServerPort int port;
  @Autowired UserAccounts accounts;
  @Autowired CareTeams teams;
  @Autowired PatientRegistry registry;
  @Autowired JdbcClient jdbc;

  private Patient patient() {
    return registry.register(
        new PatientDetails(
            "CT" + SEQ.incrementAndGet(),
            "Teamed",
            "Tove",
            LocalDate.of(1970, 1, 2),
            Sex.FEMALE,
            null,
            null,
            "en"));
  }

  private UserAccount account(Role role) {
    String name = "ct-" + role.name().toLowerCase().replace('_', '-') + "-" + SEQ.incrementAndGet();
    return accounts.create(
        new UserAccounts.NewUser(name, "Care " + name, Staff.PASSWORD, Set.of(role)));
  }

  private Http signedIn(UserAccount account) {
    Http http = Http.browser(port);
    http.signIn(account.username(), Staff.PASSWORD);
    return http;
  }

  private long audited(String action, long patientId, String detail) {
    return jdbc.sql(
            "SELECT count(*) FROM audit_event WHERE action = :a AND object_type = 'CareTeam'"
                + " AND object_id = :id AND detail = :d")
        .param("a", action)
        .param("id", Long.toString(patientId))
        .param("d", detail)
        .query(Long.class)
        .single();
  }

  @Test
  void aPhysicianPutsANurseOnTheTeamFromTheChartAndTakesHerOffAgainAudited() {
    Patient p = patient();
    UserAccount doctor = account(Role.PAIN_PHYSICIAN);
    UserAccount nurse = account(Role.NURSE);
    Http http = signedIn(doctor);

    String chart = "/patients/" + p.id();
    assertThat(http.get(chart).body()).contains("Care team", "Nobody is on this patient");
    Map<String, String> form = new LinkedHashMap<>();
    form.put("userId", Long.toString(nurse.id()));
    form.put("back", "chart");
    var added = http.submit(chart, "/care-teams/" + p.id() + "/members", form);
    assertThat(added.statusCode()).isEqualTo(302);
    assertThat(added.headers().firstValue("Location").orElseThrow())
        .endsWith("/patients/" + p.id() + "#care-team");
    assertThat(teams.isMember(p.id(), nurse.id())).isTrue();
    assertThat(teams.isMember(p.id(), doctor.id())).isFalse();
    assertThat(audited("CREATE", p.id(), "member " + nurse.id())).isEqualTo(1);
    assertThat(http.get(chart).body()).contains(nurse.displayName(), "Added to the care team");

    var removed =
        http.submit(
            chart,
            "/care-teams/" + p.id() + "/members/" + nurse.id() + "/remove",
            Map.of("back", "chart"));
    assertThat(removed.statusCode()).isEqualTo(302);
    assertThat(teams.isMember(p.id(), nurse.id())).isFalse();
    assertThat(audited("DELETE", p.id(), "member " + nurse.id())).isEqualTo(1);
  }

  @Test
  void aPracticeAdministratorManagesTheTeamOnItsOwnPage() {
    Patient p = patient();
    UserAccount admin = account(Role.PRACTICE_ADMIN);
    UserAccount surgeon = account(Role.SURGEON);
    Http http = signedIn(admin);
    String page = "/care-teams/" + p.id();
    var added =
        http.submit(
            page, page + "/members", Map.of("userId", Long.toString(surgeon.id()), "back", ""));
    assertThat(added.headers().firstValue("Location").orElseThrow()).endsWith(page);
    assertThat(http.get(page).body()).contains(surgeon.displayName(), "Spine surgeon");
    assertThat(teams.isMember(p.id(), surgeon.id())).isTrue();
  }

  @Test
  void onlyPhysiciansAndAdministratorsChangeATeamAndOnlyClinicianJoinOne() {
    Patient p = patient();
    UserAccount doctor = account(Role.PAIN_PHYSICIAN);
    UserAccount nurse = account(Role.NURSE);
    for (Role role : new Role[] {Role.NURSE, Role.SURGEON, Role.FRONT_DESK, Role.RECRUITER}) {
      Http other = Staff.signedIn(accounts, port, role);
      String csrf = Http.csrfTokenOf(other.get("/account/security").body());
      var post =
          other.postForm(
              "/care-teams/" + p.id() + "/members",
              Map.of("userId", Long.toString(nurse.id()), "_csrf", csrf));
      assertThat(post.statusCode()).as(role.name()).isEqualTo(403);
    }
    for (Role role : new Role[] {Role.FRONT_DESK, Role.RECRUITER, Role.SPECIALIST}) {
      assertThat(Staff.signedIn(accounts, port, role).get("/care-teams/" + p.id()).statusCode())
          .as(role.name())
          .isEqualTo(403);
    }
    assertThat(teams.isMember(p.id(), nurse.id())).isFalse();

    UserAccount desk = account(Role.FRONT_DESK);
    assertThatThrownBy(() -> teams.add(p.id(), desk.id(), doctor.id()))
        .isInstanceOf(RuleViolation.class)
        .hasMessageContaining("not an active physician, surgeon or nurse");
    assertThatThrownBy(() -> teams.add(p.id(), nurse.id(), nurse.id()))
        .isInstanceOf(RuleViolation.class)
        .hasMessageContaining("Only a physician or a practice administrator");
    teams.add(p.id(), nurse.id(), doctor.id());
    assertThatThrownBy(() -> teams.add(p.id(), nurse.id(), doctor.id()))
        .isInstanceOf(RuleViolation.class)
        .hasMessageContaining("already on this patient's care team");
    assertThatThrownBy(() -> teams.remove(p.id(), doctor.id(), doctor.id()))
        .isInstanceOf(RuleViolation.class)
        .hasMessageContaining("not on this patient's care team");
  }

  @Test
  void aRefusedAdditionSaysWhyOnTheChart() {
    Patient p = patient();
    Http http = signedIn(account(Role.PAIN_PHYSICIAN));
    String chart = "/patients/" + p.id();
    var post = http.submit(chart, "/care-teams/" + p.id() + "/members", Map.of("back", "chart"));
    assertThat(post.statusCode()).isEqualTo(302);
    assertThat(http.get(chart).body()).contains("Choose the clinician to add.");
  }
}
