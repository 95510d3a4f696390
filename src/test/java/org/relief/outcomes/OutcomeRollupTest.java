package org.relief.outcomes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.relief.assessments.Instruments;
import org.relief.assessments.PatientQuestionnaires;
import org.relief.assessments.questionnaires.QuestionnaireRepository;
import org.relief.followups.FollowUpAnswered;
import org.relief.identity.UserAccount;
import org.relief.identity.UserAccounts;
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

/**
 * The monthly rollup of closed follow-ups (docs/decisions/0060) follows every way the listeners
 * change the read model: an answer, the same follow-up answered again with other scores, a miss
 * after an answer (ignored), a re-schedule, and follow-up events that arrive before their episode.
 */
@ReliefIntegrationTest
@org.springframework.test.context.TestPropertySource(
    properties = "relief.followups.schedule-on-procedure=false")
class OutcomeRollupTest {

  @Autowired PatientRegistry registry;
  @Autowired PatientDiagnoses diagnoses;
  @Autowired UserAccounts accounts;
  @Autowired PerformedProcedures procedures;
  @Autowired Instruments instruments;
  @Autowired QuestionnaireRepository responses;
  @Autowired PatientQuestionnaires questionnaires;
  @Autowired ApplicationEventPublisher events;
  @Autowired TransactionTemplate tx;
  @Autowired JdbcClient jdbc;
  @Autowired MutableClock clock;

  @Test
  void theRollupFollowsEveryChangeTheListenersMake() {
    OutcomeFixture fixture =
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
    UserAccount physician = fixture.physician();
    LocalDate on = LocalDate.now(clock).minusDays(300);

    // answered 8 → 2, then the same follow-up answered again 8 → 7; a late miss changes nothing
    PerformedProcedure rescored =
        fixture.procedure(
            fixture.patient("M54.50"), physician, "lumbar-rfa", on, List.of("L4–L5"), 8);
    fixture.scheduled(rescored, "P3M", on.plusDays(90));
    fixture.answered(rescored, "P3M", on.plusDays(91), Map.of("nrs", 2));
    assertThat(physicianRow("P3M", physician)).containsExactly(1L, 1L, 1L, 1L);
    fixture.answered(rescored, "P3M", on.plusDays(92), Map.of("nrs", 7));
    fixture.missed(rescored, "P3M");
    fixture.scheduled(rescored, "P3M", on.plusDays(93));
    assertThat(physicianRow("P3M", physician)).containsExactly(1L, 1L, 0L, 0L);

    // scheduled then missed: due, not answered; while open it is kept under its due month
    PerformedProcedure missed =
        fixture.procedure(fixture.patient(null), physician, "lumbar-rfa", on, List.of("L4–L5"), 6);
    fixture.scheduled(missed, "P6M", on.plusDays(180));
    assertThat(physicianRow("P6M", physician)).isEmpty();
    assertThat(openRows("P6M", physician, on.plusDays(180).withDayOfMonth(1))).isEqualTo(1);
    fixture.missed(missed, "P6M");
    assertThat(physicianRow("P6M", physician)).containsExactly(1L, 0L, 0L, 0L);
    assertThat(openRows("P6M", physician, on.plusDays(180).withDayOfMonth(1))).isZero();

    // an answer that arrives before its episode counts once the episode does (8 → 3)
    PerformedProcedure early =
        fixture.procedure(fixture.patient(null), physician, "lumbar-rfa", on, List.of("L4–L5"), 8);
    jdbc.sql("DELETE FROM outcome_episode WHERE procedure_id = :id")
        .param("id", early.id())
        .update();
    List<Long> ids = fixture.scores(early.patientId(), on.plusDays(90), Map.of("nrs", 3));
    fixture.publish(
        new FollowUpAnswered(
            88_000_000L + early.id(), early.id(), early.patientId(), "P3M", on.plusDays(90), ids));
    assertThat(physicianRow("P3M", physician)).containsExactly(1L, 1L, 0L, 0L);
    fixture.publish(new ProcedurePerformed(early.id(), early.patientId(), on));
    assertThat(physicianRow("P3M", physician)).containsExactly(2L, 2L, 1L, 1L);

    assertThat(kept()).as("the rollup kept by the database").isEqualTo(rebuilt());
  }

  /** The physician's open follow-ups at a time point due in a month, as the rollup holds them. */
  private long openRows(String timepoint, UserAccount physician, LocalDate dueMonth) {
    return jdbc.sql(
            "SELECT coalesce(sum(due), 0) FROM outcome_rollup WHERE dimension = 'physician'"
                + " AND timepoint = :tp AND operator_user_id = :op AND due_month = :month")
        .param("tp", timepoint)
        .param("op", physician.id())
        .param("month", java.sql.Date.valueOf(dueMonth))
        .query(Long.class)
        .single();
  }

  /**
   * due, answered, r30, r50 of the physician's rollup row of closed follow-ups at a time point;
   * empty if none.
   */
  private List<Long> physicianRow(String timepoint, UserAccount physician) {
    return jdbc.sql(
            "SELECT due, answered, r30, r50 FROM outcome_rollup WHERE dimension = 'physician'"
                + " AND timepoint = :tp AND operator_user_id = :op AND due_month IS NULL"
                + " AND due <> 0")
        .param("tp", timepoint)
        .param("op", physician.id())
        .query(
            (rs, n) ->
                List.of(
                    rs.getLong("due"),
                    rs.getLong("answered"),
                    rs.getLong("r30"),
                    rs.getLong("r50")))
        .optional()
        .orElse(List.of());
  }

  private List<Map<String, Object>> kept() {
    return jdbc.sql(
            "SELECT timepoint, dimension, month, procedure_type, due_month, level_set,"
                + " operator_user_id, diagnosis_code, due, answered, r30, r50 FROM outcome_rollup"
                + " WHERE due <> 0 OR answered <> 0 OR r30 <> 0 OR r50 <> 0"
                + " ORDER BY 1, 2, 3, 4, 5, 6, 7, 8")
        .query()
        .listOfRows();
  }

  /** The rollup built from scratch, in a transaction that is rolled back. */
  private List<Map<String, Object>> rebuilt() {
    return tx.execute(
        status -> {
          jdbc.sql("SELECT outcome_rollup_rebuild()").query(Long.class).single();
          List<Map<String, Object>> rows = kept();
          status.setRollbackOnly();
          return rows;
        });
  }
}
