package org.relief.conferences.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.relief.conferences.ActionKind;
import org.relief.conferences.ActionStatus;
import org.relief.conferences.CaseConference;
import org.relief.conferences.ConferenceCase;
import org.relief.conferences.RecommendationKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Conferences, attendees, cases, dissent and actions in the conferences module's tables. */
@Repository
public class ConferenceRepository {

  private static final String CASE_COLUMNS =
      """
      SELECT id, conference_id, patient_id, visit_id, question, imaging_report, pt_weeks,
             medications_tried, nominated_by, nominated_at, discussion, recommendation,
             recommended_detail, rationale, recorded_by, recorded_at
      FROM conference_case
      """;

  private final JdbcClient jdbc;

  ConferenceRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public long insertConference(
      String title, Instant startsAt, long createdBy, boolean synthetic, Instant now) {
    return jdbc.sql(
            """
            INSERT INTO case_conference (title, starts_at, created_by, created_at, synthetic)
            VALUES (:t, :s, :by, :now, :syn) RETURNING id
            """)
        .param("t", title)
        .param("s", Timestamp.from(startsAt))
        .param("by", createdBy)
        .param("now", Timestamp.from(now))
        .param("syn", synthetic)
        .query(Long.class)
        .single();
  }

  public boolean addAttendee(long conferenceId, long userId) {
    return jdbc.sql(
                """
                INSERT INTO conference_attendee (conference_id, user_id) VALUES (:c, :u)
                ON CONFLICT DO NOTHING
                """)
            .param("c", conferenceId)
            .param("u", userId)
            .update()
        == 1;
  }

  public void setPresent(long conferenceId, long userId, boolean present) {
    jdbc.sql(
            "UPDATE conference_attendee SET present = :p WHERE conference_id = :c AND user_id = :u")
        .param("p", present)
        .param("c", conferenceId)
        .param("u", userId)
        .update();
  }

  public Optional<CaseConference> findConference(long id) {
    return conferences("WHERE id = :id", id).stream().findFirst();
  }

  /** Conferences starting at or after {@code from}, soonest first. */
  public List<CaseConference> startingFrom(Instant from) {
    return jdbc.sql(
            "SELECT id, title, starts_at, created_by, synthetic FROM case_conference"
                + " WHERE starts_at >= :t ORDER BY starts_at, id")
        .param("t", Timestamp.from(from))
        .query(this::conference)
        .list();
  }

  /** Conferences that started before {@code before}, latest first. */
  public List<CaseConference> startedBefore(Instant before, int limit) {
    return jdbc.sql(
            "SELECT id, title, starts_at, created_by, synthetic FROM case_conference"
                + " WHERE starts_at < :t ORDER BY starts_at DESC, id DESC LIMIT :n")
        .param("t", Timestamp.from(before))
        .param("n", limit)
        .query(this::conference)
        .list();
  }

  public long insertCase(NewCase c, Instant now) {
    return jdbc.sql(
            """
            INSERT INTO conference_case (conference_id, patient_id, visit_id, question,
                imaging_report, pt_weeks, medications_tried, nominated_by, nominated_at)
            VALUES (:c, :p, :v, :q, :img, :pt, :meds, :by, :now) RETURNING id
            """)
        .param("c", c.conferenceId())
        .param("p", c.patientId())
        .param("v", c.visitId())
        .param("q", c.question())
        .param("img", c.imagingReport())
        .param("pt", c.ptWeeks())
        .param("meds", c.medicationsTried())
        .param("by", c.nominatedBy())
        .param("now", Timestamp.from(now))
        .query(Long.class)
        .single();
  }

  public boolean hasCase(long conferenceId, long patientId) {
    return jdbc.sql(
                "SELECT count(*) FROM conference_case WHERE conference_id = :c AND patient_id = :p")
            .param("c", conferenceId)
            .param("p", patientId)
            .query(Long.class)
            .single()
        > 0;
  }

  public Optional<ConferenceCase> findCase(long id) {
    return cases("WHERE id = :id", id).stream().findFirst();
  }

  public List<ConferenceCase> casesOf(long conferenceId) {
    return cases("WHERE conference_id = :id", conferenceId);
  }

  public List<ConferenceCase> casesOfPatient(long patientId) {
    return cases("WHERE patient_id = :id", patientId);
  }

  /**
   * Cases of the conferences that started from {@code from} until before {@code to}, oldest first.
   */
  public List<ConferenceCase> casesOfConferencesBetween(Instant from, Instant to) {
    List<Long> ids =
        jdbc.sql(
                """
                SELECT cc.id FROM conference_case cc
                JOIN case_conference c ON c.id = cc.conference_id
                WHERE c.starts_at >= :from AND c.starts_at < :to
                ORDER BY c.starts_at, cc.nominated_at, cc.id
                """)
            .param("from", Timestamp.from(from))
            .param("to", Timestamp.from(to))
            .query(Long.class)
            .list();
    List<ConferenceCase> found = new ArrayList<>();
    ids.forEach(id -> findCase(id).ifPresent(found::add));
    return found;
  }

  /** Cases of conferences that started before {@code before} that still have an open action. */
  public List<ConferenceCase> casesWithOpenActionsBefore(Instant before) {
    List<Long> ids =
        jdbc.sql(
                """
                SELECT DISTINCT cc.id FROM conference_case cc
                JOIN case_conference c ON c.id = cc.conference_id
                JOIN conference_action a ON a.case_id = cc.id
                WHERE c.starts_at < :t AND a.status = 'OPEN'
                ORDER BY cc.id
                """)
            .param("t", Timestamp.from(before))
            .query(Long.class)
            .list();
    List<ConferenceCase> found = new ArrayList<>();
    ids.forEach(id -> findCase(id).ifPresent(found::add));
    return found;
  }

  public void recordRecommendation(
      long caseId,
      String discussion,
      RecommendationKind kind,
      String detail,
      String rationale,
      long recordedBy,
      Instant now) {
    jdbc.sql(
            """
            UPDATE conference_case SET discussion = :d, recommendation = :k,
                recommended_detail = :det, rationale = :r, recorded_by = :by, recorded_at = :now
            WHERE id = :id
            """)
        .param("d", discussion)
        .param("k", kind.name())
        .param("det", detail)
        .param("r", rationale)
        .param("by", recordedBy)
        .param("now", Timestamp.from(now))
        .param("id", caseId)
        .update();
  }

  /** Records or replaces one attendee's dissent. */
  public void recordDissent(long caseId, long userId, String note, Instant now) {
    jdbc.sql(
            """
            INSERT INTO conference_dissent (case_id, user_id, note, recorded_at)
            VALUES (:c, :u, :n, :now)
            ON CONFLICT (case_id, user_id) DO UPDATE SET note = :n, recorded_at = :now
            """)
        .param("c", caseId)
        .param("u", userId)
        .param("n", note)
        .param("now", Timestamp.from(now))
        .update();
  }

  public long insertAction(
      long caseId, ActionKind kind, String description, long ownerId, Instant now) {
    return jdbc.sql(
            """
            INSERT INTO conference_action (case_id, kind, description, owner_id, status,
                created_at, updated_at)
            VALUES (:c, :k, :d, :o, 'OPEN', :now, :now) RETURNING id
            """)
        .param("c", caseId)
        .param("k", kind.name())
        .param("d", description)
        .param("o", ownerId)
        .param("now", Timestamp.from(now))
        .query(Long.class)
        .single();
  }

  public Optional<ConferenceCase.Action> findAction(long id) {
    return jdbc.sql(
            "SELECT id, case_id, kind, description, owner_id, status, updated_at"
                + " FROM conference_action WHERE id = :id")
        .param("id", id)
        .query(ConferenceRepository::action)
        .optional();
  }

  public void setActionStatus(long id, ActionStatus status, Instant now) {
    jdbc.sql("UPDATE conference_action SET status = :s, updated_at = :now WHERE id = :id")
        .param("s", status.name())
        .param("now", Timestamp.from(now))
        .param("id", id)
        .update();
  }

  private List<CaseConference> conferences(String where, long id) {
    return jdbc.sql(
            "SELECT id, title, starts_at, created_by, synthetic FROM case_conference " + where)
        .param("id", id)
        .query(this::conference)
        .list();
  }

  private CaseConference conference(ResultSet rs, int row) throws SQLException {
    long id = rs.getLong("id");
    List<CaseConference.Attendee> attendees =
        jdbc.sql(
                "SELECT user_id, present FROM conference_attendee WHERE conference_id = :c"
                    + " ORDER BY user_id")
            .param("c", id)
            .query(
                (a, n) ->
                    new CaseConference.Attendee(
                        a.getLong("user_id"), (Boolean) a.getObject("present")))
            .list();
    return new CaseConference(
        id,
        rs.getString("title"),
        rs.getTimestamp("starts_at").toInstant(),
        rs.getLong("created_by"),
        rs.getBoolean("synthetic"),
        attendees);
  }

  private List<ConferenceCase> cases(String where, long id) {
    return jdbc.sql(CASE_COLUMNS + where + " ORDER BY nominated_at, id")
        .param("id", id)
        .query(this::conferenceCase)
        .list();
  }

  private ConferenceCase conferenceCase(ResultSet rs, int row) throws SQLException {
    long id = rs.getLong("id");
    List<ConferenceCase.Dissent> dissent =
        jdbc.sql(
                "SELECT user_id, note, recorded_at FROM conference_dissent WHERE case_id = :c"
                    + " ORDER BY recorded_at, user_id")
            .param("c", id)
            .query(
                (d, n) ->
                    new ConferenceCase.Dissent(
                        d.getLong("user_id"),
                        d.getString("note"),
                        d.getTimestamp("recorded_at").toInstant()))
            .list();
    List<ConferenceCase.Action> actions =
        jdbc.sql(
                "SELECT id, case_id, kind, description, owner_id, status, updated_at"
                    + " FROM conference_action WHERE case_id = :c ORDER BY id")
            .param("c", id)
            .query(ConferenceRepository::action)
            .list();
    String kind = rs.getString("recommendation");
    Timestamp recordedAt = rs.getTimestamp("recorded_at");
    return new ConferenceCase(
        id,
        rs.getLong("conference_id"),
        rs.getLong("patient_id"),
        (Long) rs.getObject("visit_id"),
        rs.getString("question"),
        rs.getString("imaging_report"),
        (Integer) rs.getObject("pt_weeks"),
        rs.getString("medications_tried"),
        rs.getLong("nominated_by"),
        rs.getTimestamp("nominated_at").toInstant(),
        rs.getString("discussion"),
        kind == null ? null : RecommendationKind.valueOf(kind),
        rs.getString("recommended_detail"),
        rs.getString("rationale"),
        (Long) rs.getObject("recorded_by"),
        recordedAt == null ? null : recordedAt.toInstant(),
        dissent,
        actions);
  }

  private static ConferenceCase.Action action(ResultSet rs, int row) throws SQLException {
    return new ConferenceCase.Action(
        rs.getLong("id"),
        rs.getLong("case_id"),
        ActionKind.valueOf(rs.getString("kind")),
        rs.getString("description"),
        rs.getLong("owner_id"),
        ActionStatus.valueOf(rs.getString("status")),
        rs.getTimestamp("updated_at").toInstant());
  }
}
