package org.relief.outcomes.episodes;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The outcomes read model. Every write is an upsert keyed by the other module's ID, so that an
 * event delivered twice, or out of order, leaves the same rows.
 */
@Repository
public class EpisodeRepository {

  private static final String EPISODE_COLUMNS =
      "procedure_id, patient_id, procedure_type, levels, laterality, operator_user_id,"
          + " diagnosis_code, diagnosis_description, performed_on, baseline_nrs, baseline_odi,"
          + " baseline_ndi, synthetic";
  private static final String MEASURE_COLUMNS =
      "follow_up_id, procedure_id, timepoint, timepoint_days, status, due_on, answered_on, nrs,"
          + " odi, ndi, pgic, pgic_responder, responder30, responder50";

  private final JdbcClient jdbc;

  EpisodeRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Records an episode once; returns whether it was new. */
  boolean insertEpisode(Episode e, Instant now) {
    int inserted =
        jdbc.sql(
                "INSERT INTO outcome_episode ("
                    + EPISODE_COLUMNS
                    + ", level_set, recorded_at) VALUES (:id, :patient, :type, :levels, :side,"
                    + " :operator, :dx, :dxText, :on, :nrs, :odi, :ndi, :synthetic, :levelSet,"
                    + " :now) ON CONFLICT (procedure_id) DO NOTHING")
            .param("id", e.procedureId())
            .param("patient", e.patientId())
            .param("type", e.procedureType())
            .param("levels", e.levels().toArray(String[]::new))
            .param("side", e.laterality())
            .param("operator", e.operatorUserId())
            .param("dx", e.diagnosisCode())
            .param("dxText", e.diagnosisDescription())
            .param("on", Date.valueOf(e.performedOn()))
            .param("nrs", e.baselineNrs())
            .param("odi", e.baselineOdi())
            .param("ndi", e.baselineNdi())
            .param("synthetic", e.synthetic())
            .param("levelSet", e.levelSet())
            .param("now", Timestamp.from(now))
            .update();
    if (e.diagnosisCode() != null && e.diagnosisDescription() != null) {
      jdbc.sql(
              "INSERT INTO outcome_diagnosis (code, description) VALUES (:code, :text)"
                  + " ON CONFLICT (code) DO UPDATE SET description = EXCLUDED.description")
          .param("code", e.diagnosisCode())
          .param("text", e.diagnosisDescription())
          .update();
    }
    // Follow-up events that arrived first get the episode's grouping columns now.
    jdbc.sql(
            "UPDATE outcome_measure m SET procedure_type = e.procedure_type, level_set ="
                + " e.level_set, operator_user_id = e.operator_user_id, diagnosis_code ="
                + " e.diagnosis_code, performed_on = e.performed_on, baseline_nrs = e.baseline_nrs"
                + " FROM outcome_episode e WHERE e.procedure_id = :id AND m.procedure_id = :id"
                + " AND m.performed_on IS NULL")
        .param("id", e.procedureId())
        .update();
    return inserted == 1;
  }

  /**
   * A follow-up on the schedule; a later schedule of the same episode and time point moves its due
   * date and keeps what was answered.
   */
  void scheduled(
      long followUpId,
      long procedureId,
      long patientId,
      Timepoint timepoint,
      LocalDate dueOn,
      Instant now) {
    jdbc.sql(
            insertMeasure("'DUE'", ":due", "NULL")
                + " ON CONFLICT (procedure_id, timepoint) DO UPDATE SET due_on = EXCLUDED.due_on,"
                + " follow_up_id = EXCLUDED.follow_up_id,"
                + " updated_at = EXCLUDED.updated_at")
        .param("id", followUpId)
        .param("procedure", procedureId)
        .param("patient", patientId)
        .param("tp", timepoint.code())
        .param("days", timepoint.days())
        .param("due", Date.valueOf(dueOn))
        .param("now", Timestamp.from(now))
        .update();
  }

  /** The answer to a follow-up with the scores it carried; the same answer twice is one answer. */
  void answered(
      long followUpId,
      long procedureId,
      long patientId,
      Timepoint timepoint,
      LocalDate answeredOn,
      AnswerScores scores,
      Instant now) {
    jdbc.sql(
            insertMeasure("'ANSWERED'", "NULL", ":answeredOn")
                + " ON CONFLICT (procedure_id, timepoint) DO UPDATE SET status = 'ANSWERED',"
                + " follow_up_id = EXCLUDED.follow_up_id, answered_on ="
                + " EXCLUDED.answered_on, nrs = EXCLUDED.nrs, odi = EXCLUDED.odi, ndi ="
                + " EXCLUDED.ndi, pgic = EXCLUDED.pgic, pgic_responder = EXCLUDED.pgic_responder,"
                + " updated_at = EXCLUDED.updated_at")
        .param("id", followUpId)
        .param("procedure", procedureId)
        .param("patient", patientId)
        .param("tp", timepoint.code())
        .param("days", timepoint.days())
        .param("answeredOn", Date.valueOf(answeredOn))
        .param("nrs", scores.nrs())
        .param("odi", scores.odi())
        .param("ndi", scores.ndi())
        .param("pgic", scores.pgic())
        .param("pgicResponder", scores.pgicResponder())
        .param("now", Timestamp.from(now))
        .update();
  }

  /** A follow-up whose window closed unanswered; an answer already recorded is kept. */
  void missed(long followUpId, long procedureId, long patientId, Timepoint timepoint, Instant now) {
    jdbc.sql(
            insertMeasure("'MISSED'", "NULL", "NULL")
                + " ON CONFLICT (procedure_id, timepoint) DO UPDATE SET status = 'MISSED',"
                + " follow_up_id = EXCLUDED.follow_up_id, updated_at ="
                + " EXCLUDED.updated_at WHERE outcome_measure.status = 'DUE'")
        .param("id", followUpId)
        .param("procedure", procedureId)
        .param("patient", patientId)
        .param("tp", timepoint.code())
        .param("days", timepoint.days())
        .param("now", Timestamp.from(now))
        .update();
  }

  /** Inserts a measure row with the episode's grouping columns, if the episode is known yet. */
  private static String insertMeasure(String status, String due, String answeredOn) {
    boolean withScores = answeredOn.startsWith(":");
    return "INSERT INTO outcome_measure (follow_up_id, procedure_id, patient_id, timepoint,"
        + " timepoint_days, status, due_on, answered_on, nrs, odi, ndi, pgic, pgic_responder,"
        + " procedure_type, level_set, operator_user_id, diagnosis_code, performed_on,"
        + " baseline_nrs, updated_at) SELECT :id, :procedure, :patient, :tp, :days, "
        + status
        + ", CAST("
        + due
        + " AS date), CAST("
        + answeredOn
        + " AS date)"
        + (withScores
            ? ", CAST(:nrs AS numeric), CAST(:odi AS numeric), CAST(:ndi AS numeric),"
                + " CAST(:pgic AS smallint), CAST(:pgicResponder AS boolean)"
            : ", NULL, NULL, NULL, NULL, NULL")
        + ", e.procedure_type, e.level_set, e.operator_user_id, e.diagnosis_code,"
        + " e.performed_on, e.baseline_nrs, :now FROM (SELECT 1) one LEFT JOIN outcome_episode e"
        + " ON e.procedure_id = :procedure";
  }

  public Optional<Episode> findEpisode(long procedureId) {
    return jdbc.sql("SELECT " + EPISODE_COLUMNS + " FROM outcome_episode WHERE procedure_id = :id")
        .param("id", procedureId)
        .query(EpisodeRepository::episode)
        .optional();
  }

  /** The patient's episodes, newest first. */
  public List<Episode> episodesOf(long patientId) {
    return jdbc.sql(
            "SELECT "
                + EPISODE_COLUMNS
                + " FROM outcome_episode WHERE patient_id = :p"
                + " ORDER BY performed_on DESC, procedure_id DESC")
        .param("p", patientId)
        .query(EpisodeRepository::episode)
        .list();
  }

  /** An episode's follow-up time points in order. */
  public List<Measure> measuresOf(long procedureId) {
    return jdbc.sql(
            "SELECT "
                + MEASURE_COLUMNS
                + " FROM outcome_measure WHERE procedure_id = :id"
                + " ORDER BY timepoint_days, follow_up_id")
        .param("id", procedureId)
        .query(EpisodeRepository::measure)
        .list();
  }

  /** The follow-up time points of all the patient's episodes, in order within each episode. */
  List<Measure> measuresOfPatient(long patientId) {
    return jdbc.sql(
            "SELECT m."
                + MEASURE_COLUMNS.replace(", ", ", m.")
                + " FROM outcome_episode e JOIN outcome_measure m ON m.procedure_id ="
                + " e.procedure_id WHERE e.patient_id = :p"
                + " ORDER BY m.procedure_id, m.timepoint_days, m.follow_up_id")
        .param("p", patientId)
        .query(EpisodeRepository::measure)
        .list();
  }

  private static Episode episode(ResultSet rs, int row) throws SQLException {
    Array levels = rs.getArray("levels");
    return new Episode(
        rs.getLong("procedure_id"),
        rs.getLong("patient_id"),
        rs.getString("procedure_type"),
        Arrays.asList((String[]) levels.getArray()),
        rs.getString("laterality"),
        rs.getLong("operator_user_id"),
        rs.getString("diagnosis_code"),
        rs.getString("diagnosis_description"),
        rs.getDate("performed_on").toLocalDate(),
        rs.getBigDecimal("baseline_nrs"),
        rs.getBigDecimal("baseline_odi"),
        rs.getBigDecimal("baseline_ndi"),
        rs.getBoolean("synthetic"));
  }

  private static Measure measure(ResultSet rs, int row) throws SQLException {
    Date due = rs.getDate("due_on");
    Date answered = rs.getDate("answered_on");
    return new Measure(
        rs.getLong("follow_up_id"),
        rs.getLong("procedure_id"),
        new Timepoint(rs.getString("timepoint"), rs.getInt("timepoint_days")),
        rs.getString("status"),
        due == null ? null : due.toLocalDate(),
        answered == null ? null : answered.toLocalDate(),
        rs.getBigDecimal("nrs"),
        rs.getBigDecimal("odi"),
        rs.getBigDecimal("ndi"),
        (Integer) rs.getObject("pgic", Integer.class),
        (Boolean) rs.getObject("pgic_responder", Boolean.class),
        (Boolean) rs.getObject("responder30", Boolean.class),
        (Boolean) rs.getObject("responder50", Boolean.class));
  }

  /** The scores of one follow-up answer that outcomes keeps; each {@code null} when not asked. */
  record AnswerScores(
      BigDecimal nrs, BigDecimal odi, BigDecimal ndi, Integer pgic, Boolean pgicResponder) {}
}
