package org.relief.patients.bodymap;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Body maps in {@code body_map}, their region codes in {@code body_map_region}. */
@Repository
class BodyMapRepository {

  private final JdbcClient jdbc;

  BodyMapRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Inserts the first map of a patient; false when one was saved meanwhile. */
  boolean insert(long patientId, Collection<String> codes, Instant now) {
    boolean inserted =
        jdbc.sql(
                    """
                    INSERT INTO body_map (patient_id, updated_at) VALUES (:patient, :now)
                    ON CONFLICT (patient_id) DO NOTHING
                    """)
                .param("patient", patientId)
                .param("now", Timestamp.from(now))
                .update()
            == 1;
    if (inserted) {
      insertRegions(patientId, codes);
    }
    return inserted;
  }

  /** Replaces the regions when the stored version is still {@code version}. */
  boolean update(long patientId, int version, Collection<String> codes, Instant now) {
    boolean updated =
        jdbc.sql(
                    """
                    UPDATE body_map SET version = version + 1, updated_at = :now
                    WHERE patient_id = :patient AND version = :version
                    """)
                .param("patient", patientId)
                .param("version", version)
                .param("now", Timestamp.from(now))
                .update()
            == 1;
    if (updated) {
      jdbc.sql("DELETE FROM body_map_region WHERE patient_id = :patient")
          .param("patient", patientId)
          .update();
      insertRegions(patientId, codes);
    }
    return updated;
  }

  Optional<BodyMap> find(long patientId) {
    record Row(int version, Timestamp updatedAt) {}
    return jdbc.sql("SELECT version, updated_at FROM body_map WHERE patient_id = :patient")
        .param("patient", patientId)
        .query((rs, n) -> new Row(rs.getInt("version"), rs.getTimestamp("updated_at")))
        .optional()
        .map(
            row -> {
              List<String> codes =
                  jdbc.sql("SELECT region FROM body_map_region WHERE patient_id = :patient")
                      .param("patient", patientId)
                      .query(String.class)
                      .list();
              // Catalogue order, so that lists read head to foot; a code no longer in the
              // catalogue is kept in the table but not shown.
              List<BodyRegion> regions =
                  BodyRegions.all().stream().filter(r -> codes.contains(r.code())).toList();
              return new BodyMap(patientId, regions, row.version(), row.updatedAt().toInstant());
            });
  }

  private void insertRegions(long patientId, Collection<String> codes) {
    for (String code : codes) {
      jdbc.sql("INSERT INTO body_map_region (patient_id, region) VALUES (:patient, :region)")
          .param("patient", patientId)
          .param("region", code)
          .update();
    }
  }
}
