package org.relief.identity.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Care-team memberships in {@code care_team_member}. */
@Repository
public class CareTeamRepository {

  private final JdbcClient jdbc;

  CareTeamRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Adds a member; returns false when the person was already on the team. */
  public boolean add(long patientId, long userId, Long addedBy, Instant at) {
    return jdbc.sql(
                """
                INSERT INTO care_team_member (patient_id, user_id, added_by, added_at)
                VALUES (:p, :u, :by, :at) ON CONFLICT DO NOTHING
                """)
            .param("p", patientId)
            .param("u", userId)
            .param("by", addedBy)
            .param("at", Timestamp.from(at))
            .update()
        == 1;
  }

  public boolean remove(long patientId, long userId) {
    return jdbc.sql("DELETE FROM care_team_member WHERE patient_id = :p AND user_id = :u")
            .param("p", patientId)
            .param("u", userId)
            .update()
        == 1;
  }

  public boolean contains(long patientId, long userId) {
    return jdbc.sql("SELECT count(*) FROM care_team_member WHERE patient_id = :p AND user_id = :u")
            .param("p", patientId)
            .param("u", userId)
            .query(Long.class)
            .single()
        > 0;
  }

  /** The members' user IDs in the order they joined. */
  public List<Long> members(long patientId) {
    return jdbc.sql(
            "SELECT user_id FROM care_team_member WHERE patient_id = :p ORDER BY added_at, user_id")
        .param("p", patientId)
        .query(Long.class)
        .list();
  }
}
