package org.relief.followups.schedule;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.relief.followups.RedFlag;
import org.relief.followups.plans.PlanPoint.Kind;
import org.relief.followups.schedule.FollowUp.Status;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class FollowUpRepository {

  static final String COLUMNS =
      "f.id, f.procedure_id, f.patient_id, f.physician_user_id, f.procedure_type, f.plan_id,"
          + " f.timepoint, f.kind, f.instruments, f.due_on, f.window_days, f.status,"
          + " f.link_sent_at, f.questionnaire_ids, f.response_ids, f.answered_on, f.red_flags,"
          + " f.red_flags_at, f.call_attempts, f.handled_at";

  private final JdbcClient jdbc;

  FollowUpRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Inserts the follow-up unless the procedure already has one at this time point. */
  Optional<Long> insertOnce(
      long procedureId,
      long patientId,
      long physicianUserId,
      String procedureType,
      long planId,
      String timepoint,
      Kind kind,
      List<String> instruments,
      LocalDate dueOn,
      int windowDays,
      Instant at) {
    return jdbc.sql(
            "INSERT INTO follow_up (procedure_id, patient_id, physician_user_id, procedure_type,"
                + " plan_id, timepoint, kind, instruments, due_on, window_days, status,"
                + " created_at) VALUES (:procedure, :patient, :physician, :type, :plan, :tp,"
                + " :kind, :instruments, :due, :window, 'scheduled', :at)"
                + " ON CONFLICT (procedure_id, timepoint) DO NOTHING RETURNING id")
        .param("procedure", procedureId)
        .param("patient", patientId)
        .param("physician", physicianUserId)
        .param("type", procedureType)
        .param("plan", planId)
        .param("tp", timepoint)
        .param("kind", kind.code())
        .param("instruments", String.join(" ", instruments))
        .param("due", dueOn)
        .param("window", windowDays)
        .param("at", Timestamp.from(at))
        .query(Long.class)
        .optional();
  }

  Optional<FollowUp> find(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM follow_up f WHERE f.id = :id")
        .param("id", id)
        .query(FollowUpRepository::row)
        .optional();
  }

  Optional<FollowUp> findByDigest(byte[] digest) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM follow_up f WHERE f.link_digest = :d")
        .param("d", digest)
        .query(FollowUpRepository::row)
        .optional();
  }

  List<FollowUp> forProcedure(long procedureId) {
    return jdbc.sql(
            "SELECT " + COLUMNS + " FROM follow_up f WHERE f.procedure_id = :p ORDER BY f.due_on")
        .param("p", procedureId)
        .query(FollowUpRepository::row)
        .list();
  }

  List<FollowUp> forPatient(long patientId) {
    return jdbc.sql(
            "SELECT " + COLUMNS + " FROM follow_up f WHERE f.patient_id = :p ORDER BY f.due_on")
        .param("p", patientId)
        .query(FollowUpRepository::row)
        .list();
  }

  /** Questionnaire follow-ups whose window is open and whose link is not sent yet, locked. */
  List<FollowUp> dueForLink(LocalDate today) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM follow_up f WHERE f.status = 'scheduled' AND f.kind = 'questionnaire'"
                + " AND f.due_on - f.window_days <= :today AND f.due_on + f.window_days >= :today"
                + " ORDER BY f.id FOR UPDATE SKIP LOCKED")
        .param("today", today)
        .query(FollowUpRepository::row)
        .list();
  }

  /** Open follow-ups whose window closed before today, locked. */
  List<FollowUp> windowClosed(LocalDate today) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM follow_up f WHERE f.status IN ('scheduled', 'sent')"
                + " AND f.due_on + f.window_days < :today ORDER BY f.id FOR UPDATE SKIP LOCKED")
        .param("today", today)
        .query(FollowUpRepository::row)
        .list();
  }

  List<FollowUp> byQuestionnaire(long questionnaireId) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM follow_up f WHERE :q = ANY (f.questionnaire_ids) FOR UPDATE")
        .param("q", questionnaireId)
        .query(FollowUpRepository::row)
        .list();
  }

  void markSent(long id, byte[] digest, Instant at) {
    jdbc.sql(
            "UPDATE follow_up SET status = 'sent', link_digest = :d, link_sent_at = :at"
                + " WHERE id = :id")
        .param("d", digest)
        .param("at", Timestamp.from(at))
        .param("id", id)
        .update();
  }

  boolean markMissed(long id) {
    return jdbc.sql(
                "UPDATE follow_up SET status = 'missed'"
                    + " WHERE id = :id AND status IN ('scheduled', 'sent')")
            .param("id", id)
            .update()
        == 1;
  }

  boolean markAnswered(long id, Collection<Long> responseIds, LocalDate on) {
    return jdbc.sql(
                "UPDATE follow_up SET status = 'answered', response_ids = :r, answered_on = :on"
                    + " WHERE id = :id AND status IN ('scheduled', 'sent')")
            .param("r", responseIds.toArray(Long[]::new))
            .param("on", on)
            .param("id", id)
            .update()
        == 1;
  }

  boolean markCalled(long id, LocalDate on) {
    return jdbc.sql(
                "UPDATE follow_up SET status = 'called', answered_on = :on"
                    + " WHERE id = :id AND status IN ('scheduled', 'sent')")
            .param("on", on)
            .param("id", id)
            .update()
        == 1;
  }

  void addQuestionnaire(long id, long questionnaireId) {
    jdbc.sql(
            "UPDATE follow_up SET questionnaire_ids = array_append(questionnaire_ids, :q)"
                + " WHERE id = :id")
        .param("q", questionnaireId)
        .param("id", id)
        .update();
  }

  /** Adds red flags to those already reported; they count from {@code at}. */
  void addRedFlags(long id, Collection<RedFlag> flags, Instant at) {
    if (flags.isEmpty()) {
      return;
    }
    jdbc.sql(
            "UPDATE follow_up SET red_flags = ARRAY(SELECT DISTINCT unnest(red_flags || :flags)"
                + " ORDER BY 1), red_flags_at = :at WHERE id = :id")
        .param("flags", flags.stream().map(RedFlag::code).toArray(String[]::new))
        .param("at", Timestamp.from(at))
        .param("id", id)
        .update();
  }

  void countAttempt(long id) {
    jdbc.sql("UPDATE follow_up SET call_attempts = call_attempts + 1 WHERE id = :id")
        .param("id", id)
        .update();
  }

  void markHandled(long id, Instant at) {
    jdbc.sql("UPDATE follow_up SET handled_at = :at WHERE id = :id")
        .param("at", Timestamp.from(at))
        .param("id", id)
        .update();
  }

  void insertCall(
      long followUpId, String outcome, Collection<RedFlag> flags, String by, Instant at) {
    jdbc.sql(
            "INSERT INTO follow_up_call (follow_up_id, outcome, red_flags, called_by, called_at)"
                + " VALUES (:f, :o, :flags, :by, :at)")
        .param("f", followUpId)
        .param("o", outcome)
        .param("flags", flags.stream().map(RedFlag::code).toArray(String[]::new))
        .param("by", by)
        .param("at", Timestamp.from(at))
        .update();
  }

  /**
   * The evening work-list: open follow-ups whose window has opened, missed ones not yet reached (up
   * to the attempts allowed), and any with red flags reported since it was last handled; ranked red
   * flags first, then missed, then routine, the longest overdue first.
   */
  List<FollowUp> workList(LocalDate today, int missedCallAttempts, int missedListDays) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM follow_up f WHERE"
                + " (cardinality(f.red_flags) > 0"
                + "   AND (f.handled_at IS NULL OR f.handled_at < f.red_flags_at))"
                + " OR (f.status = 'missed' AND f.handled_at IS NULL"
                + "   AND f.call_attempts < :attempts"
                + "   AND f.due_on + f.window_days >= :missedSince)"
                + " OR (f.status IN ('scheduled', 'sent') AND f.handled_at IS NULL"
                + "   AND f.due_on - f.window_days <= :today)"
                + " ORDER BY CASE WHEN cardinality(f.red_flags) > 0"
                + "   AND (f.handled_at IS NULL OR f.handled_at < f.red_flags_at) THEN 0"
                + "   WHEN f.status = 'missed' THEN 1 ELSE 2 END, f.due_on, f.id"
                + " LIMIT 500")
        .param("today", today)
        .param("attempts", missedCallAttempts)
        .param("missedSince", today.minusDays(missedListDays))
        .query(FollowUpRepository::row)
        .list();
  }

  static FollowUp row(ResultSet rs, int n) throws SQLException {
    String instruments = rs.getString("instruments");
    Timestamp sent = rs.getTimestamp("link_sent_at");
    Timestamp flagged = rs.getTimestamp("red_flags_at");
    Timestamp handled = rs.getTimestamp("handled_at");
    return new FollowUp(
        rs.getLong("id"),
        rs.getLong("procedure_id"),
        rs.getLong("patient_id"),
        rs.getLong("physician_user_id"),
        rs.getString("procedure_type"),
        rs.getLong("plan_id"),
        rs.getString("timepoint"),
        Kind.fromCode(rs.getString("kind")),
        instruments.isBlank() ? List.of() : Arrays.asList(instruments.split(" ")),
        rs.getObject("due_on", LocalDate.class),
        rs.getInt("window_days"),
        Status.fromCode(rs.getString("status")),
        sent == null ? null : sent.toInstant(),
        longs(rs.getArray("questionnaire_ids")),
        longs(rs.getArray("response_ids")),
        rs.getObject("answered_on", LocalDate.class),
        RedFlag.of(strings(rs.getArray("red_flags"))),
        flagged == null ? null : flagged.toInstant(),
        rs.getInt("call_attempts"),
        handled == null ? null : handled.toInstant());
  }

  static List<Long> longs(Array array) throws SQLException {
    return array == null ? List.of() : Arrays.asList((Long[]) array.getArray());
  }

  static List<String> strings(Array array) throws SQLException {
    return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
  }
}
