package org.relief.followups.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.relief.followups.FollowUpFixtures.eventually;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relief.followups.FollowUpFixtures;
import org.relief.followups.FollowUpMissed;
import org.relief.followups.FollowUpScheduled;
import org.relief.followups.RedFlag;
import org.relief.followups.plans.FollowUpPlans;
import org.relief.followups.plans.PlanPoint.Kind;
import org.relief.followups.schedule.FollowUp.Status;
import org.relief.identity.UserAccount;
import org.relief.identity.UserAccounts;
import org.relief.patients.Patient;
import org.relief.patients.PatientRegistry;
import org.relief.procedures.PerformedProcedure;
import org.relief.procedures.PerformedProcedures;
import org.relief.procedures.ProcedurePerformed;
import org.relief.support.Http;
import org.relief.support.MutableClock;
import org.relief.support.ReliefIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

@ReliefIntegrationTest
@RecordApplicationEvents
class FollowUpSchedulesTest {

  private static final Pattern LINK =
      Pattern.compile("https?://[^/\\s]+/followup/([A-Za-z0-9_-]{43})");

  @Autowired PatientRegistry registry;
  @Autowired UserAccounts accounts;
  @Autowired PerformedProcedures performed;
  @Autowired MutableClock clock;
  @Autowired FollowUpRepository followUps;
  @Autowired FollowUpScheduler scheduler;
  @Autowired FollowUpRounds rounds;
  @Autowired FollowUpPlans plans;
  @Autowired JdbcClient jdbc;
  @Autowired ApplicationEvents events;
  @LocalServerPort int port;

  FollowUpFixtures fixtures;

  @BeforeEach
  void fixtures() {
    fixtures = new FollowUpFixtures(registry, accounts, performed, clock);
  }

  private List<FollowUp> scheduled(PerformedProcedure p, int expected) {
    return eventually(() -> followUps.forProcedure(p.id()), list -> list.size() >= expected);
  }

  @Test
  void aPerformedLumbarRfaGetsThePlanInForceWithOdiAndItsDueDates() {
    LocalDate on = fixtures.today().minusDays(1);
    PerformedProcedure rfa =
        fixtures.perform(fixtures.patient(), fixtures.physician(), "lumbar-rfa", on, "L4–L5");

    List<FollowUp> made = scheduled(rfa, 6);

    assertThat(made)
        .extracting(FollowUp::timepoint)
        .containsExactly("P1D", "P2W", "P6W", "P3M", "P6M", "P12M");
    assertThat(made.get(0).kind()).isEqualTo(Kind.CALL);
    assertThat(made.get(0).dueOn()).isEqualTo(on.plusDays(1));
    assertThat(made.get(1).instruments()).containsExactly("nrs", "pgic");
    assertThat(made.get(3).instruments()).containsExactly("nrs", "odi");
    assertThat(made.get(3).dueOn()).isEqualTo(on.plusMonths(3));
    assertThat(made.get(5).windowDays()).isEqualTo(30);
    assertThat(made)
        .allSatisfy(f -> assertThat(f.physicianUserId()).isEqualTo(rfa.operatorUserId()));
  }

  @Test
  void aCervicalProcedureIsFollowedWithNdiAndAKneeOneWithoutADisabilityIndex() {
    UserAccount physician = fixtures.physician();
    PerformedProcedure neck =
        fixtures.perform(fixtures.patient(), physician, "cervical-rfa", fixtures.today(), "C5–C6");
    PerformedProcedure knee =
        fixtures.perform(fixtures.patient(), physician, "genicular-rfa", fixtures.today());

    assertThat(scheduled(neck, 6).get(3).instruments()).containsExactly("nrs", "ndi");
    assertThat(scheduled(knee, 6).get(3).instruments()).containsExactly("nrs");
  }

  @Test
  void theSameEventTwiceMakesOneSchedule() throws Exception {
    PerformedProcedure esi =
        fixtures.perform(
            fixtures.patient(), fixtures.physician(), "lumbar-tfesi", fixtures.today(), "L5–S1");
    List<FollowUp> first = scheduled(esi, 6);
    ProcedurePerformed again = new ProcedurePerformed(esi.id(), esi.patientId(), esi.performedOn());
    events.clear();

    List<FollowUpScheduled> second = scheduler.schedule(again);
    List<CompletableFuture<List<FollowUpScheduled>>> concurrent =
        IntStream.range(0, 4)
            .mapToObj(i -> CompletableFuture.supplyAsync(() -> scheduler.schedule(again)))
            .toList();
    for (var f : concurrent) {
      assertThat(f.get()).isEmpty();
    }

    assertThat(second).isEmpty();
    assertThat(events.stream(FollowUpScheduled.class)).isEmpty();
    assertThat(followUps.forProcedure(esi.id()))
        .hasSize(6)
        .extracting(FollowUp::id)
        .containsExactlyElementsOf(first.stream().map(FollowUp::id).toList());
  }

  @Test
  void aNewPlanVersionChangesOnlyProceduresFromItsDateAndSchedulesKeepTheirVersion() {
    UserAccount physician = fixtures.physician();
    Patient patient = fixtures.patient();
    PerformedProcedure before =
        fixtures.perform(
            patient, physician, "intrathecal-pump-implant", fixtures.today().minusDays(2));
    long oldPlan = scheduled(before, 6).get(0).planId();

    plans.addVersion(
        "intrathecal-pump", fixtures.today(), "P1D call ±1\nP1M questionnaire nrs pgic ±5");
    PerformedProcedure after =
        fixtures.perform(patient, physician, "intrathecal-pump-implant", fixtures.today());

    List<FollowUp> made = scheduled(after, 2);
    assertThat(made).extracting(FollowUp::timepoint).containsExactly("P1D", "P1M");
    assertThat(made.get(0).planId()).isNotEqualTo(oldPlan);
    assertThat(followUps.forProcedure(before.id()))
        .hasSize(6)
        .allSatisfy(f -> assertThat(f.planId()).isEqualTo(oldPlan));
  }

  @Test
  void aDueQuestionnaireSendsALinkOnlyMessageAndTheRedFlagCheckLeadsToTheQuestionnaire() {
    Patient patient = fixtures.patient();
    PerformedProcedure esi =
        fixtures.perform(
            patient, fixtures.physician(), "lumbar-tfesi", fixtures.today().minusDays(14), "L4–L5");
    FollowUp twoWeeks = scheduled(esi, 6).get(1);

    rounds.run();

    assertThat(followUps.find(twoWeeks.id()).orElseThrow().status()).isEqualTo(Status.SENT);
    assertThat(followUps.find(scheduled(esi, 6).get(2).id()).orElseThrow().status())
        .isEqualTo(Status.SCHEDULED);
    List<String> bodies =
        jdbc.sql("SELECT body FROM outbox_message WHERE patient_id = :p")
            .param("p", patient.id())
            .query(String.class)
            .list();
    assertThat(bodies).hasSize(1);
    String body = bodies.get(0);
    assertThat(body)
        .matches("[^\\n]*https?://\\S+/followup/[A-Za-z0-9_-]{43}")
        .doesNotContainIgnoringCase("epidural")
        .doesNotContainIgnoringCase("tfesi")
        .doesNotContainIgnoringCase("pain")
        .doesNotContainIgnoringCase("nrs")
        .doesNotContainIgnoringCase("pgic")
        .doesNotContain("L4")
        .doesNotContain(patient.familyName())
        .doesNotContain(patient.givenName());
    Matcher link = LINK.matcher(body);
    assertThat(link.find()).isTrue();
    String token = link.group(1);

    Http phone = Http.browser(port);
    var check = phone.get("/followup/" + token);
    assertThat(check.statusCode()).isEqualTo(200);
    assertThat(check.body()).contains("Have you had a fever");

    var incomplete =
        phone.submit("/followup/" + token, "/followup/" + token, Map.of("fever", "yes"));
    assertThat(incomplete.statusCode()).isEqualTo(422);
    assertThat(incomplete.body()).contains("Please answer yes or no to each question.");

    var answered =
        phone.submit(
            "/followup/" + token,
            "/followup/" + token,
            Map.of(
                "fever", "yes",
                "new-weakness-or-numbness", "no",
                "bowel-or-bladder-change", "no",
                "positional-headache", "no",
                "severe-worsening", "no"));
    assertThat(answered.statusCode()).isEqualTo(302);
    String questionnaire = answered.headers().firstValue("Location").orElseThrow();
    assertThat(questionnaire).contains("/q/");
    FollowUp flagged = followUps.find(twoWeeks.id()).orElseThrow();
    assertThat(flagged.redFlags()).containsExactly(RedFlag.FEVER);
    assertThat(flagged.questionnaireIds()).hasSize(1);

    String q = questionnaire.substring(questionnaire.indexOf("/q/"));
    phone.submit(q + "/1", q + "/1", Map.of("answer", "3"));
    phone.submit(q + "/2", q + "/2", Map.of("answer", "7"));
    var submitted = phone.submit(q + "/review", q + "/submit", Map.of());
    assertThat(submitted.statusCode()).isEqualTo(200);

    FollowUp answeredFollowUp =
        eventually(
            () -> followUps.find(twoWeeks.id()).orElseThrow(),
            f -> f.status() == Status.ANSWERED && f.redFlags().size() == 2);
    assertThat(answeredFollowUp.status()).isEqualTo(Status.ANSWERED);
    assertThat(answeredFollowUp.responseIds()).hasSize(2);
    assertThat(answeredFollowUp.redFlags())
        .as("PGIC 7 is very much worse")
        .containsExactly(RedFlag.FEVER, RedFlag.SEVERE_WORSENING);
    assertThat(phone.get("/followup/" + token).statusCode()).isEqualTo(404);
  }

  @Test
  void aWrongOrMalformedLinkTokenOpensNothing() {
    Http phone = Http.browser(port);
    assertThat(phone.get("/followup/" + "A".repeat(43)).statusCode()).isEqualTo(404);
    assertThat(phone.get("/followup/short").statusCode()).isEqualTo(404);
    assertThat(phone.get("/followup/short").body()).contains("This link cannot be opened");
  }

  @Test
  void aWindowThatClosesUnansweredIsMarkedMissedAndAnnouncedOnce() {
    PerformedProcedure esi =
        fixtures.perform(
            fixtures.patient(),
            fixtures.physician(),
            "caudal-esi",
            fixtures.today().minusDays(18),
            "sacral hiatus");
    List<FollowUp> made = scheduled(esi, 6);

    rounds.run();
    rounds.run();

    assertThat(followUps.find(made.get(0).id()).orElseThrow().status()).isEqualTo(Status.MISSED);
    assertThat(followUps.find(made.get(1).id()).orElseThrow().status()).isEqualTo(Status.MISSED);
    assertThat(followUps.find(made.get(2).id()).orElseThrow().status()).isEqualTo(Status.SCHEDULED);
    assertThat(events.stream(FollowUpMissed.class).filter(m -> m.procedureId() == esi.id()))
        .extracting(FollowUpMissed::timepoint)
        .containsExactly("P1D", "P2W");
  }
}
