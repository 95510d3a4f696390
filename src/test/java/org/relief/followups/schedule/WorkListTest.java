package org.relief.followups.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.relief.followups.FollowUpFixtures.eventually;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relief.followups.Escalation;
import org.relief.followups.Escalations;
import org.relief.followups.FollowUpFixtures;
import org.relief.followups.RedFlag;
import org.relief.followups.schedule.FollowUp.Status;
import org.relief.identity.UserAccount;
import org.relief.identity.UserAccounts;
import org.relief.patients.PatientRegistry;
import org.relief.platform.Role;
import org.relief.procedures.PerformedProcedure;
import org.relief.procedures.PerformedProcedures;
import org.relief.support.Http;
import org.relief.support.MutableClock;
import org.relief.support.ReliefIntegrationTest;
import org.relief.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@ReliefIntegrationTest
class WorkListTest {

  @Autowired PatientRegistry registry;
  @Autowired UserAccounts accounts;
  @Autowired PerformedProcedures performed;
  @Autowired MutableClock clock;
  @Autowired FollowUpRepository followUps;
  @Autowired WorkList workList;
  @Autowired Escalations escalations;
  @LocalServerPort int port;

  FollowUpFixtures fixtures;

  @BeforeEach
  void fixtures() {
    fixtures = new FollowUpFixtures(registry, accounts, performed, clock);
  }

  private List<FollowUp> scheduled(PerformedProcedure p) {
    return eventually(() -> followUps.forProcedure(p.id()), list -> list.size() >= 6);
  }

  private int position(List<WorkList.Item> items, long followUpId) {
    for (int i = 0; i < items.size(); i++) {
      if (items.get(i).followUp().id() == followUpId) {
        return i;
      }
    }
    return -1;
  }

  @Test
  void ranksRedFlagsFirstThenMissedAnswersThenRoutineCalls() {
    UserAccount physician = fixtures.physician();
    FollowUp routine =
        scheduled(
                fixtures.perform(
                    fixtures.patient(),
                    physician,
                    "lumbar-tfesi",
                    fixtures.today().minusDays(1),
                    "L4–L5"))
            .get(0);
    FollowUp missed =
        scheduled(
                fixtures.perform(
                    fixtures.patient(),
                    physician,
                    "lumbar-tfesi",
                    fixtures.today().minusDays(19),
                    "L4–L5"))
            .get(1);
    FollowUp flagged =
        scheduled(
                fixtures.perform(
                    fixtures.patient(),
                    physician,
                    "lumbar-tfesi",
                    fixtures.today().minusDays(14),
                    "L3–L4"))
            .get(1);
    followUps.addRedFlags(flagged.id(), List.of(RedFlag.POSITIONAL_HEADACHE), Instant.now(clock));

    List<WorkList.Item> items = workList.load();

    int red = position(items, flagged.id());
    int miss = position(items, missed.id());
    int due = position(items, routine.id());
    assertThat(red).isNotNegative().isLessThan(miss);
    assertThat(miss).isLessThan(due);
    assertThat(items.get(red).rank()).isEqualTo(WorkList.Rank.RED_FLAG);
    assertThat(items.get(miss).rank()).isEqualTo(WorkList.Rank.MISSED);
    assertThat(items.get(due).rank()).isEqualTo(WorkList.Rank.ROUTINE);
    assertThat(items.get(red).patientPhone()).isEqualTo("555-0100");
  }

  @Test
  void aNurseDocumentsCallsInTwoClicksAndAnEscalationReachesTheOperatingPhysician() {
    UserAccount physician = fixtures.physician();
    var patient = fixtures.patient();
    FollowUp call =
        scheduled(
                fixtures.perform(
                    patient, physician, "lumbar-tfesi", fixtures.today().minusDays(1), "L4–L5"))
            .get(0);
    FollowUp other =
        scheduled(
                fixtures.perform(
                    fixtures.patient(),
                    physician,
                    "lumbar-tfesi",
                    fixtures.today().minusDays(1),
                    "L5–S1"))
            .get(0);
    Http nurse = Staff.signedIn(accounts, port, Role.NURSE);
    var page = nurse.get("/followups");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains(patient.displayName()).contains("Escalate to physician");

    var reached =
        nurse.submit(
            "/followups", "/followups/" + call.id() + "/calls", Map.of("outcome", "reached"));
    assertThat(reached.statusCode()).isEqualTo(302);
    FollowUp afterCall = followUps.find(call.id()).orElseThrow();
    assertThat(afterCall.status()).isEqualTo(Status.CALLED);
    assertThat(afterCall.answeredOn()).isEqualTo(fixtures.today());
    assertThat(position(workList.load(), call.id())).isNegative();

    String csrf = Http.csrfTokenOf(nurse.get("/followups").body());
    var refused =
        nurse.postRaw(
            "/followups/" + other.id() + "/calls",
            "_csrf=" + csrf + "&outcome=no-answer&flag=fever",
            "HX-Request",
            "true");
    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(refused.body()).contains("cannot report red flags").doesNotContain("<html");

    var escalated =
        nurse.postRaw(
            "/followups/" + other.id() + "/calls",
            "_csrf=" + csrf + "&outcome=escalated&flag=new-weakness-or-numbness",
            "HX-Request",
            "true");
    assertThat(escalated.statusCode()).isEqualTo(200);
    assertThat(escalated.body())
        .contains("Call documented: Escalated to physician")
        .doesNotContain("<html");
    List<Escalation> open = escalations.openFor(physician.id());
    assertThat(open).hasSize(1);
    assertThat(open.get(0).followUpId()).isEqualTo(other.id());
    assertThat(open.get(0).redFlags()).containsExactly(RedFlag.NEW_WEAKNESS_OR_NUMBNESS);

    Http stranger = Staff.signedIn(accounts, port, Role.PAIN_PHYSICIAN);
    assertThat(
            stranger
                .submit(
                    "/followups", "/followups/escalations/" + open.get(0).id() + "/close", Map.of())
                .statusCode())
        .isEqualTo(404);
    assertThat(escalations.openFor(physician.id())).hasSize(1);
  }

  @Test
  void theOperatingPhysicianSeesAndClosesTheirEscalation() {
    UserAccount physician =
        accounts.create(
            new UserAccounts.NewUser(
                "fu-operator-" + System.nanoTime(),
                "Dr Operator",
                Staff.PASSWORD,
                java.util.Set.of(Role.PAIN_PHYSICIAN)));
    FollowUp f =
        scheduled(
                fixtures.perform(
                    fixtures.patient(),
                    physician,
                    "lumbar-tfesi",
                    fixtures.today().minusDays(1),
                    "L4–L5"))
            .get(0);
    workList.documentCall(f.id(), CallOutcome.ESCALATED, List.of(RedFlag.FEVER));
    Http browser = Http.browser(port);
    browser.signIn(physician.username(), Staff.PASSWORD);

    assertThat(browser.get("/followups").body()).contains("Escalated to you").contains("Fever");
    assertThat(browser.get("/today").body())
        .contains("Escalations from the follow-up work-list")
        .contains("P1D follow-up: Fever");
    long id = escalations.openFor(physician.id()).get(0).id();
    var closed = browser.submit("/followups", "/followups/escalations/" + id + "/close", Map.of());

    assertThat(closed.statusCode()).isEqualTo(302);
    assertThat(escalations.openFor(physician.id())).isEmpty();
  }

  @Test
  void onlyNursesAndPainPhysiciansWorkTheListAndTheFrontDeskSeesTheOutbox() {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("outcome", "reached");
    for (Role role :
        new Role[] {
          Role.RECRUITER, Role.SPECIALIST, Role.SURGEON, Role.FRONT_DESK, Role.PRACTICE_ADMIN
        }) {
      Http other = Staff.signedIn(accounts, port, role);
      assertThat(other.get("/followups").statusCode()).as(role.name()).isEqualTo(403);
      assertThat(other.submit("/account/security", "/followups/1/calls", form).statusCode())
          .as(role.name())
          .isEqualTo(403);
    }
    assertThat(
            Staff.signedIn(accounts, port, Role.FRONT_DESK).get("/followups/outbox").statusCode())
        .isEqualTo(200);
    for (Role role : new Role[] {Role.RECRUITER, Role.SPECIALIST, Role.SURGEON}) {
      assertThat(Staff.signedIn(accounts, port, role).get("/followups/outbox").statusCode())
          .as(role.name())
          .isEqualTo(403);
    }
  }
}
