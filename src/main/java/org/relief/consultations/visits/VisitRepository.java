package org.relief.consultations.visits;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.relief.consultations.Visit;
import org.relief.consultations.VisitKind;
import org.relief.consultations.VisitStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The visit table, in SQL. */
@Repository
public class VisitRepository {

  private static final String SELECT =
      "SELECT v.id, v.patient_id, v.clinician_id, v.kind, v.starts_at, v.ends_at, v.status,"
          + " (n.signed_at IS NOT NULL) AS note_signed"
          + " FROM visit v LEFT JOIN visit_note n ON n.visit_id = v.id";

  private final JdbcClient jdbc;

  VisitRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long insert(
      long patientId,
      long clinicianId,
      VisitKind kind,
      Instant startsAt,
      Instant endsAt,
      long bookedBy,
      Instant now) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql(
            "INSERT INTO visit (patient_id, clinician_id, kind, starts_at, ends_at, status,"
                + " booked_by, booked_at, updated_at) VALUES (:patient, :clinician, :kind,"
                + " :starts, :ends, 'BOOKED', :by, :now, :now)")
        .param("patient", patientId)
        .param("clinician", clinicianId)
        .param("kind", kind.name())
        .param("starts", Timestamp.from(startsAt))
        .param("ends", Timestamp.from(endsAt))
        .param("by", bookedBy)
        .param("now", Timestamp.from(now))
        .update(keys, "id");
    return keys.getKeyAs(Long.class);
  }

  public Optional<Visit> find(long id) {
    return jdbc.sql(SELECT + " WHERE v.id = :id")
        .param("id", id)
        .query(VisitRepository::visit)
        .optional();
  }

  /** Visits starting in [from, to), in time order then by clinician. */
  List<Visit> between(Instant from, Instant to) {
    return jdbc.sql(
            SELECT
                + " WHERE v.starts_at >= :from AND v.starts_at < :to"
                + " ORDER BY v.starts_at, v.clinician_id, v.id")
        .param("from", Timestamp.from(from))
        .param("to", Timestamp.from(to))
        .query(VisitRepository::visit)
        .list();
  }

  List<Visit> between(long clinicianId, Instant from, Instant to) {
    return jdbc.sql(
            SELECT
                + " WHERE v.clinician_id = :clinician AND v.starts_at >= :from"
                + " AND v.starts_at < :to ORDER BY v.starts_at, v.id")
        .param("clinician", clinicianId)
        .param("from", Timestamp.from(from))
        .param("to", Timestamp.from(to))
        .query(VisitRepository::visit)
        .list();
  }

  /**
   * The patient's latest visit starting before {@code before} that was seen or has a signed note.
   */
  Optional<Visit> lastTakenPlaceBefore(long patientId, Instant before) {
    return jdbc.sql(
            SELECT
                + " WHERE v.patient_id = :patient AND v.starts_at < :before"
                + " AND (v.status = 'DONE' OR n.signed_at IS NOT NULL)"
                + " ORDER BY v.starts_at DESC, v.id DESC LIMIT 1")
        .param("patient", patientId)
        .param("before", Timestamp.from(before))
        .query(VisitRepository::visit)
        .optional();
  }

  /** The clinician's visits that still hold time and overlap [from, to). */
  List<Visit> overlapping(long clinicianId, Instant from, Instant to) {
    return jdbc.sql(
            SELECT
                + " WHERE v.clinician_id = :clinician AND v.status IN ('BOOKED', 'ARRIVED', 'DONE')"
                + " AND v.starts_at < :to AND v.ends_at > :from ORDER BY v.starts_at")
        .param("clinician", clinicianId)
        .param("from", Timestamp.from(from))
        .param("to", Timestamp.from(to))
        .query(VisitRepository::visit)
        .list();
  }

  /** Moves the visit to {@code to} if it still is {@code from}; false if it was not. */
  public boolean changeStatus(long id, VisitStatus from, VisitStatus to, Instant now) {
    return jdbc.sql(
                "UPDATE visit SET status = :to, updated_at = :now WHERE id = :id AND status = :from")
            .param("id", id)
            .param("from", from.name())
            .param("to", to.name())
            .param("now", Timestamp.from(now))
            .update()
        == 1;
  }

  private static Visit visit(ResultSet rs, int row) throws SQLException {
    return new Visit(
        rs.getLong("id"),
        rs.getLong("patient_id"),
        rs.getLong("clinician_id"),
        VisitKind.valueOf(rs.getString("kind")),
        rs.getTimestamp("starts_at").toInstant(),
        rs.getTimestamp("ends_at").toInstant(),
        VisitStatus.valueOf(rs.getString("status")),
        rs.getBoolean("note_signed"));
  }
}
