package org.relief.followups.schedule;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.relief.followups.Escalation;
import org.relief.followups.RedFlag;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Escalations of follow-ups to the physician who performed the procedure. */
@Repository
public class EscalationRepository {

  private static final String SELECT =
      "SELECT e.id, e.follow_up_id, e.patient_id, e.procedure_id, e.physician_user_id,"
          + " f.timepoint, e.red_flags, e.raised_by, e.raised_at"
          + " FROM follow_up_escalation e JOIN follow_up f ON f.id = e.follow_up_id";

  private final JdbcClient jdbc;

  EscalationRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long insert(FollowUp f, Collection<RedFlag> flags, String by, Instant at) {
    return jdbc.sql(
            "INSERT INTO follow_up_escalation (follow_up_id, patient_id, procedure_id,"
                + " physician_user_id, red_flags, raised_by, raised_at)"
                + " VALUES (:f, :patient, :procedure, :physician, :flags, :by, :at) RETURNING id")
        .param("f", f.id())
        .param("patient", f.patientId())
        .param("procedure", f.procedureId())
        .param("physician", f.physicianUserId())
        .param("flags", flags.stream().map(RedFlag::code).toArray(String[]::new))
        .param("by", by)
        .param("at", Timestamp.from(at))
        .query(Long.class)
        .single();
  }

  public List<Escalation> openFor(long physicianUserId) {
    return jdbc.sql(
            SELECT + " WHERE e.physician_user_id = :u AND e.closed_at IS NULL ORDER BY e.raised_at")
        .param("u", physicianUserId)
        .query(EscalationRepository::row)
        .list();
  }

  public Optional<Escalation> findOpen(long id) {
    return jdbc.sql(SELECT + " WHERE e.id = :id AND e.closed_at IS NULL")
        .param("id", id)
        .query(EscalationRepository::row)
        .optional();
  }

  public void close(long id, String by, Instant at) {
    jdbc.sql("UPDATE follow_up_escalation SET closed_at = :at, closed_by = :by WHERE id = :id")
        .param("at", Timestamp.from(at))
        .param("by", by)
        .param("id", id)
        .update();
  }

  private static Escalation row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    return new Escalation(
        rs.getLong("id"),
        rs.getLong("follow_up_id"),
        rs.getLong("patient_id"),
        rs.getLong("procedure_id"),
        rs.getLong("physician_user_id"),
        rs.getString("timepoint"),
        RedFlag.of(FollowUpRepository.strings(rs.getArray("red_flags"))),
        rs.getString("raised_by"),
        rs.getTimestamp("raised_at").toInstant());
  }
}
