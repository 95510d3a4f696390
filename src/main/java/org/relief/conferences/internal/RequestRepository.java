package org.relief.conferences.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.relief.conferences.AwaitingConference;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Case conferences asked for in consultations, keyed by the plan item so each is stored once. */
@Repository
public class RequestRepository {

  private static final String COLUMNS =
      "SELECT id, plan_item_id, visit_id, patient_id, question, requested_by, requested_at,"
          + " case_id FROM conference_request";

  private final JdbcClient jdbc;

  RequestRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Stores the request once; returns its ID when it is new, empty when it was already there. */
  Optional<Long> insert(
      long planItemId,
      long visitId,
      long patientId,
      String question,
      long requestedBy,
      Instant now) {
    return jdbc.sql(
            """
            INSERT INTO conference_request (plan_item_id, visit_id, patient_id, question,
                requested_by, requested_at)
            VALUES (:item, :visit, :patient, :q, :by, :now)
            ON CONFLICT (plan_item_id) DO NOTHING RETURNING id
            """)
        .param("item", planItemId)
        .param("visit", visitId)
        .param("patient", patientId)
        .param("q", question)
        .param("by", requestedBy)
        .param("now", Timestamp.from(now))
        .query(Long.class)
        .optional();
  }

  boolean existsFor(long planItemId) {
    return jdbc.sql("SELECT count(*) FROM conference_request WHERE plan_item_id = :item")
            .param("item", planItemId)
            .query(Long.class)
            .single()
        > 0;
  }

  public Optional<AwaitingConference> find(long id) {
    return jdbc.sql(COLUMNS + " WHERE id = :id")
        .param("id", id)
        .query(RequestRepository::request)
        .optional();
  }

  /** Requests not placed on a conference yet, oldest first. */
  public List<AwaitingConference> awaiting() {
    return jdbc.sql(COLUMNS + " WHERE case_id IS NULL ORDER BY requested_at, id")
        .query(RequestRepository::request)
        .list();
  }

  /** Links the request to the case it became; false when it was placed meanwhile. */
  public boolean markPlaced(long id, long caseId, Instant now) {
    return jdbc.sql(
                "UPDATE conference_request SET case_id = :c, placed_at = :now"
                    + " WHERE id = :id AND case_id IS NULL")
            .param("c", caseId)
            .param("now", Timestamp.from(now))
            .param("id", id)
            .update()
        == 1;
  }

  private static AwaitingConference request(ResultSet rs, int row) throws SQLException {
    Long caseId = rs.getObject("case_id", Long.class);
    return new AwaitingConference(
        rs.getLong("id"),
        rs.getLong("plan_item_id"),
        rs.getLong("visit_id"),
        rs.getLong("patient_id"),
        rs.getString("question"),
        rs.getLong("requested_by"),
        rs.getTimestamp("requested_at").toInstant(),
        caseId);
  }
}
