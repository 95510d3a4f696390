package org.relief.outcomes;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relief.assessments.Instruments;
import org.relief.assessments.PatientQuestionnaires;
import org.relief.assessments.questionnaires.QuestionnaireRepository;
import org.relief.identity.UserAccount;
import org.relief.identity.UserAccounts;
import org.relief.outcomes.episodes.Episode;
import org.relief.outcomes.episodes.EpisodeRepository;
import org.relief.outcomes.episodes.Measure;
import org.relief.patients.Patient;
import org.relief.patients.PatientRegistry;
import org.relief.patients.diagnoses.PatientDiagnoses;
import org.relief.procedures.PerformedProcedure;
import org.relief.procedures.PerformedProcedures;
import org.relief.procedures.ProcedurePerformed;
import org.relief.support.MutableClock;
import org.relief.support.ReliefIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/*
 * The fixture publishes the follow-up events itself, so the follow-ups module's own schedules
 * (which would add a measure per time point of the plan) are switched off here.
 */
@ReliefIntegrationTest
@org.springframework.test.context.TestPropertySource(
    properties = "relief.followups.schedule-on-procedure=false")
class OutcomeReadModelTest {

  @Autowired PatientRegistry registry;
  @Autowired PatientDiagnoses diagnoses;
  @Autowired UserAccounts accounts;
  @Autowired PerformedProcedures procedures;
  @Autowired Instruments instruments;
  @Autowired QuestionnaireRepository responses;
  @Autowired PatientQuestionnaires questionnaires;
  @Autowired ApplicationEventPublisher events;
  @Autowired TransactionTemplate tx;
  @Autowired EpisodeRepository episodes;
  @Autowired JdbcClient jdbc;
  @Autowired MutableClock clock;

  OutcomeFixture fixture;
  UserAccount physician;
  LocalDate today;

  @BeforeEach
  void fixture() {
    fixture =
        new OutcomeFixture(
            registry,
            diagnoses,
            accounts,
            procedures,
            instruments,
            responses,
            questionnaires,
            events,
            tx,
            jdbc);
    physician = fixture.physician();
    today = LocalDate.now(clock);
  }

  @Test
  void aPerformedProcedureBecomesAnEpisodeWithItsDiagnosisAndBaselines() {
    Patient patient = fixture.patient("M54.50");
    LocalDate on = today.minusDays(100);
    fixture.scores(patient.id(), on.minusDays(10), Map.of("odi", 3));
    fixture.scores(patient.id(), on.minusDays(200), Map.of("ndi", 4));
    PerformedProcedure p =
        fixture.procedure(patient, physician, "lumbar-rfa", on, List.of("L4–L5", "L5–S1"), 8);

    Episode episode = episodes.findEpisode(p.id()).orElseThrow();

    assertThat(episode.procedureType()).isEqualTo("lumbar-rfa");
    assertThat(episode.levelSet()).isEqualTo("L4–L5, L5–S1");
    assertThat(episode.laterality()).isEqualTo("right");
    assertThat(episode.operatorUserId()).isEqualTo(physician.id());
    assertThat(episode.diagnosisCode()).isEqualTo("M54.50");
    assertThat(episode.performedOn()).isEqualTo(on);
    assertThat(episode.baselineNrs()).isEqualByComparingTo("8");
    assertThat(episode.baselineOdi()).isEqualByComparingTo("60");
    assertThat(episode.baselineNdi()).as("an NDI 200 days before is outside the window").isNull();
  }

  @Test
  void theSameEventsDeliveredTwiceLeaveOneEpisodeAndOneMeasure() {
    Patient patient = fixture.patient(null);
    LocalDate on = today.minusDays(100);
    PerformedProcedure p =
        fixture.procedure(patient, physician, "lumbar-rfa", on, List.of("L4–L5"), 6);
    List<Long> ids = fixture.scores(patient.id(), on.plusDays(91), Map.of("nrs", 3));
    var answered =
        new org.relief.followups.FollowUpAnswered(
            77_000_001L, p.id(), patient.id(), "P3M", on.plusDays(91), ids);

    fixture.publish(new ProcedurePerformed(p.id(), patient.id(), on));
    fixture.publish(answered);
    fixture.publish(answered);

    assertThat(count("outcome_episode", p.id())).isEqualTo(1);
    assertThat(count("outcome_measure", p.id())).isEqualTo(1);
    Measure m = episodes.measuresOf(p.id()).get(0);
    assertThat(m.status()).isEqualTo("ANSWERED");
    assertThat(m.nrs()).isEqualByComparingTo("3");
    assertThat(m.responder30()).isTrue();
    assertThat(m.responder50()).isTrue();
  }

  @Test
  void anAnswerIsKeptWhateverOrderTheScheduleAndTheMissArriveIn() {
    Patient patient = fixture.patient(null);
    LocalDate on = today.minusDays(200);
    PerformedProcedure p =
        fixture.procedure(patient, physician, "lumbar-rfa", on, List.of("L3–L4"), 10);

    fixture.answered(p, "P3M", on.plusDays(92), Map.of("nrs", 7, "pgic", 2));
    fixture.scheduled(p, "P3M", on.plusDays(90));
    fixture.missed(p, "P3M");
    fixture.scheduled(p, "P6M", on.plusDays(180));
    fixture.missed(p, "P6M");
    fixture.scheduled(p, "P6M", on.plusDays(181));

    List<Measure> measures = episodes.measuresOf(p.id());
    assertThat(measures).extracting(m -> m.timepoint().code()).containsExactly("P3M", "P6M");
    Measure threeMonths = measures.get(0);
    assertThat(threeMonths.status()).isEqualTo("ANSWERED");
    assertThat(threeMonths.dueOn()).isEqualTo(on.plusDays(90));
    assertThat(threeMonths.pgic()).isEqualTo(2);
    assertThat(threeMonths.pgicResponder()).isTrue();
    assertThat(threeMonths.responder30()).as("10 → 7 is exactly 30 %").isTrue();
    assertThat(threeMonths.responder50()).isFalse();
    assertThat(measures.get(1).status()).isEqualTo("MISSED");
    assertThat(measures.get(1).responder30()).isNull();
  }

  @Test
  void timePointsAreKeptInOneSpelling() {
    Patient patient = fixture.patient(null);
    LocalDate on = today.minusDays(400);
    PerformedProcedure p =
        fixture.procedure(patient, physician, "lumbar-rfa", on, List.of("L4–L5"), 5);

    fixture.scheduled(p, "P12M", on.plusDays(365));
    fixture.answered(p, "P1Y", on.plusDays(366), Map.of("nrs", 5));
    fixture.scheduled(p, "P2W", on.plusDays(14));

    assertThat(episodes.measuresOf(p.id()))
        .extracting(m -> m.timepoint().code(), Measure::status, Measure::nrs)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("P14D", "DUE", null),
            org.assertj.core.groups.Tuple.tuple("P1Y", "ANSWERED", new BigDecimal("5.0")));
  }

  private long count(String table, long procedureId) {
    return jdbc.sql("SELECT count(*) FROM " + table + " WHERE procedure_id = :id")
        .param("id", procedureId)
        .query(Long.class)
        .single();
  }
}
