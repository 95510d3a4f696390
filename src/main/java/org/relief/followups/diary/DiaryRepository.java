package org.relief.followups.diary;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Block diaries and their entries. */
@Repository
public class DiaryRepository {

  /** A diary as stored, before its summary is worked out. */
  public record StoredDiary(
      long id,
      long procedureId,
      long patientId,
      String procedureType,
      List<String> levels,
      String laterality,
      LocalDate performedOn,
      String anaesthetic,
      Instant linkExpiresAt) {}

  private static final String COLUMNS =
      "id, procedure_id, patient_id, procedure_type, levels, laterality, performed_on,"
          + " anaesthetic, link_expires_at";

  private final JdbcClient jdbc;

  DiaryRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Long> insertOnce(
      long procedureId,
      long patientId,
      String procedureType,
      List<String> levels,
      String laterality,
      LocalDate performedOn,
      byte[] digest,
      Instant expires,
      Instant at) {
    return jdbc.sql(
            "INSERT INTO block_diary (procedure_id, patient_id, procedure_type, levels,"
                + " laterality, performed_on, link_digest, link_expires_at, created_at)"
                + " VALUES (:procedure, :patient, :type, :levels, :side, :on, :digest, :expires,"
                + " :at) ON CONFLICT (procedure_id) DO NOTHING RETURNING id")
        .param("procedure", procedureId)
        .param("patient", patientId)
        .param("type", procedureType)
        .param("levels", levels.toArray(String[]::new))
        .param("side", laterality)
        .param("on", performedOn)
        .param("digest", digest)
        .param("expires", Timestamp.from(expires))
        .param("at", Timestamp.from(at))
        .query(Long.class)
        .optional();
  }

  public Optional<StoredDiary> forProcedure(long procedureId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM block_diary WHERE procedure_id = :p")
        .param("p", procedureId)
        .query(DiaryRepository::row)
        .optional();
  }

  Optional<StoredDiary> byDigest(byte[] digest) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM block_diary WHERE link_digest = :d")
        .param("d", digest)
        .query(DiaryRepository::row)
        .optional();
  }

  public List<StoredDiary> forPatient(long patientId) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM block_diary WHERE patient_id = :p ORDER BY performed_on, id")
        .param("p", patientId)
        .query(DiaryRepository::row)
        .list();
  }

  List<StoredDiary> recent(LocalDate since) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM block_diary WHERE performed_on >= :since"
                + " ORDER BY performed_on DESC, id DESC LIMIT 200")
        .param("since", since)
        .query(DiaryRepository::row)
        .list();
  }

  public Map<Integer, Integer> entries(long diaryId) {
    Map<Integer, Integer> entries = new HashMap<>();
    jdbc.sql("SELECT minutes, relief_percent FROM block_diary_entry WHERE diary_id = :d")
        .param("d", diaryId)
        .query(
            (ResultSet rs) -> {
              entries.put(rs.getInt("minutes"), rs.getInt("relief_percent"));
            });
    return entries;
  }

  void record(long diaryId, int minutes, int percent, String source, String by, Instant at) {
    jdbc.sql(
            "INSERT INTO block_diary_entry"
                + " (diary_id, minutes, relief_percent, source, recorded_by, recorded_at)"
                + " VALUES (:d, :m, :p, :source, :by, :at) ON CONFLICT (diary_id, minutes)"
                + " DO UPDATE SET relief_percent = EXCLUDED.relief_percent,"
                + " source = EXCLUDED.source, recorded_by = EXCLUDED.recorded_by,"
                + " recorded_at = EXCLUDED.recorded_at")
        .param("d", diaryId)
        .param("m", minutes)
        .param("p", percent)
        .param("source", source)
        .param("by", by)
        .param("at", Timestamp.from(at))
        .update();
  }

  void recordAnaesthetic(long diaryId, String anaesthetic) {
    jdbc.sql("UPDATE block_diary SET anaesthetic = :a WHERE id = :d")
        .param("a", anaesthetic)
        .param("d", diaryId)
        .update();
  }

  private static StoredDiary row(ResultSet rs, int n) throws SQLException {
    Timestamp expires = rs.getTimestamp("link_expires_at");
    return new StoredDiary(
        rs.getLong("id"),
        rs.getLong("procedure_id"),
        rs.getLong("patient_id"),
        rs.getString("procedure_type"),
        Arrays.asList((String[]) rs.getArray("levels").getArray()),
        rs.getString("laterality"),
        rs.getObject("performed_on", LocalDate.class),
        rs.getString("anaesthetic"),
        expires == null ? null : expires.toInstant());
  }
}
