package org.relief.patients.diagnoses;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Diagnoses in the {@code patient_condition} table. */
@Repository
class DiagnosisRepository {

  /** A row as stored; the code is resolved against the catalogue by the caller. */
  record Row(
      long id,
      long patientId,
      String icd10Code,
      DiagnosisRank rank,
      DiagnosisStatus status,
      LocalDate onsetDate) {}

  private final JdbcClient jdbc;

  DiagnosisRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long insert(
      long patientId,
      String code,
      DiagnosisRank rank,
      DiagnosisStatus status,
      LocalDate onset,
      Instant now) {
    return insert(patientId, code, rank, status, onset, null, now);
  }

  /** Inserts a diagnosis imported from another system, known there as {@code sourceId}. */
  long insert(
      long patientId,
      String code,
      DiagnosisRank rank,
      DiagnosisStatus status,
      LocalDate onset,
      String sourceId,
      Instant now) {
    return jdbc.sql(
            """
            INSERT INTO patient_condition (patient_id, icd10_code, rank, status, onset_date,
                                           source_id, created_at, updated_at)
            VALUES (:patient, :code, :rank, :status, :onset, :source, :now, :now)
            RETURNING id
            """)
        .param("source", sourceId, java.sql.Types.VARCHAR)
        .param("patient", patientId)
        .param("code", code)
        .param("rank", rank.name())
        .param("status", status.name())
        .param("onset", onset == null ? null : Date.valueOf(onset))
        .param("now", Timestamp.from(now))
        .query(Long.class)
        .single();
  }

  /** Whether a diagnosis imported as {@code sourceId} is already kept. */
  boolean imported(String sourceId) {
    return jdbc.sql("SELECT count(*) FROM patient_condition WHERE source_id = :source")
            .param("source", sourceId)
            .query(Long.class)
            .single()
        > 0;
  }

  void update(long id, DiagnosisRank rank, DiagnosisStatus status, Instant now) {
    int current = lockVersion(id);
    Row row = findById(id).orElseThrow();
    revise(id, current, rank, status, row.onsetDate(), now);
  }

  /**
   * The diagnosis's current version, with its row locked until the transaction ends; -1 when there
   * is no such diagnosis.
   */
  int lockVersion(long id) {
    return jdbc.sql("SELECT version FROM patient_condition WHERE id = :id FOR UPDATE")
        .param("id", id)
        .query(Integer.class)
        .optional()
        .orElse(-1);
  }

  /**
   * Keeps the diagnosis as it is now as a prior version and writes the new rank, status and onset
   * as version {@code current + 1}; call with the row locked by {@link #lockVersion}.
   */
  void revise(
      long id,
      int current,
      DiagnosisRank rank,
      DiagnosisStatus status,
      LocalDate onset,
      Instant now) {
    jdbc.sql(
            """
            INSERT INTO patient_condition_version (condition_id, version, patient_id, icd10_code,
                                                   rank, status, onset_date, recorded_at)
            SELECT id, version, patient_id, icd10_code, rank, status, onset_date, updated_at
            FROM patient_condition WHERE id = :id AND version = :version
            """)
        .param("id", id)
        .param("version", current)
        .update();
    jdbc.sql(
            "UPDATE patient_condition SET rank = :rank, status = :status, onset_date = :onset,"
                + " version = version + 1, updated_at = :now WHERE id = :id AND version = :version")
        .param("rank", rank.name())
        .param("status", status.name())
        .param("onset", onset == null ? null : Date.valueOf(onset))
        .param("now", Timestamp.from(now))
        .param("id", id)
        .param("version", current)
        .update();
  }

  Optional<Row> findById(long id) {
    return jdbc.sql(
            "SELECT id, patient_id, icd10_code, rank, status, onset_date FROM patient_condition"
                + " WHERE id = :id")
        .param("id", id)
        .query(DiagnosisRepository::row)
        .optional();
  }

  private static Row row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    return new Row(
        rs.getLong("id"),
        rs.getLong("patient_id"),
        rs.getString("icd10_code"),
        DiagnosisRank.valueOf(rs.getString("rank")),
        DiagnosisStatus.valueOf(rs.getString("status")),
        rs.getObject("onset_date", LocalDate.class));
  }

  List<Row> findByPatient(long patientId) {
    return jdbc.sql(
            "SELECT id, patient_id, icd10_code, rank, status, onset_date FROM patient_condition"
                + " WHERE patient_id = :patient ORDER BY id")
        .param("patient", patientId)
        .query(
            (rs, n) ->
                new Row(
                    rs.getLong("id"),
                    rs.getLong("patient_id"),
                    rs.getString("icd10_code"),
                    DiagnosisRank.valueOf(rs.getString("rank")),
                    DiagnosisStatus.valueOf(rs.getString("status")),
                    rs.getObject("onset_date", LocalDate.class)))
        .list();
  }

  Optional<Row> find(long patientId, long id) {
    return findByPatient(patientId).stream().filter(r -> r.id() == id).findFirst();
  }
}
