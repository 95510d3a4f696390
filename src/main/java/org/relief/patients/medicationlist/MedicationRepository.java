package org.relief.patients.medicationlist;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Medications in the {@code patient_medication} table. */
@Repository
class MedicationRepository {

  private static final String COLUMNS =
      "id, patient_id, drug, dose, unit, frequency, frequency_count, start_date, stop_date";

  private final JdbcClient jdbc;

  MedicationRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long insert(long patientId, NewMedication m, Instant now) {
    return jdbc.sql(
            """
            INSERT INTO patient_medication (patient_id, drug, dose, unit, frequency,
                   frequency_count, start_date, stop_date, created_at, updated_at)
            VALUES (:patient, :drug, :dose, :unit, :frequency, :count, :start, :stop, :now, :now)
            RETURNING id
            """)
        .param("patient", patientId)
        .param("drug", m.drug())
        .param("dose", m.dose())
        .param("unit", m.unit().code())
        .param("frequency", m.frequency().name())
        .param("count", m.count())
        .param("start", Date.valueOf(m.startDate()))
        .param("stop", m.stopDate() == null ? null : Date.valueOf(m.stopDate()))
        .param("now", Timestamp.from(now))
        .query(Long.class)
        .single();
  }

  /** An imported course to insert. */
  record Row(long patientId, String sourceId, NewMedication medication) {}

  /**
   * Inserts imported courses in one statement; those whose source ID is already kept are left as
   * they are. Answers the source IDs inserted.
   */
  java.util.Set<String> insertImported(List<Row> rows, Instant now) {
    if (rows.isEmpty()) {
      return java.util.Set.of();
    }
    int n = rows.size();
    String[] patient = new String[n];
    String[] source = new String[n];
    String[] drug = new String[n];
    String[] dose = new String[n];
    String[] unit = new String[n];
    String[] frequency = new String[n];
    String[] count = new String[n];
    String[] start = new String[n];
    String[] stop = new String[n];
    for (int i = 0; i < n; i++) {
      Row r = rows.get(i);
      NewMedication m = r.medication();
      patient[i] = Long.toString(r.patientId());
      source[i] = r.sourceId();
      drug[i] = m.drug();
      dose[i] = m.dose().toPlainString();
      unit[i] = m.unit().code();
      frequency[i] = m.frequency().name();
      count[i] = m.count() == null ? null : m.count().toString();
      start[i] = m.startDate().toString();
      stop[i] = m.stopDate() == null ? null : m.stopDate().toString();
    }
    return new java.util.HashSet<>(
        jdbc.sql(
                """
                INSERT INTO patient_medication (patient_id, source_id, drug, dose, unit, frequency,
                       frequency_count, start_date, stop_date, created_at, updated_at)
                SELECT p::bigint, s, d, dose::numeric, u, f, c::int, st::date, sp::date, :now, :now
                FROM unnest(CAST(:patient AS text[]), CAST(:source AS text[]),
                            CAST(:drug AS text[]), CAST(:dose AS text[]), CAST(:unit AS text[]),
                            CAST(:frequency AS text[]), CAST(:count AS text[]),
                            CAST(:start AS text[]), CAST(:stop AS text[]))
                     AS t(p, s, d, dose, u, f, c, st, sp)
                ON CONFLICT (source_id) WHERE source_id IS NOT NULL DO NOTHING
                RETURNING source_id
                """)
            .param("patient", patient)
            .param("source", source)
            .param("drug", drug)
            .param("dose", dose)
            .param("unit", unit)
            .param("frequency", frequency)
            .param("count", count)
            .param("start", start)
            .param("stop", stop)
            .param("now", Timestamp.from(now))
            .query(String.class)
            .list());
  }

  void stop(long id, LocalDate stopDate, Instant now) {
    jdbc.sql("UPDATE patient_medication SET stop_date = :stop, updated_at = :now WHERE id = :id")
        .param("stop", Date.valueOf(stopDate))
        .param("now", Timestamp.from(now))
        .param("id", id)
        .update();
  }

  List<Medication> findByPatient(long patientId) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM patient_medication WHERE patient_id = :patient ORDER BY start_date, id")
        .param("patient", patientId)
        .query(
            (rs, n) ->
                new Medication(
                    rs.getLong("id"),
                    rs.getLong("patient_id"),
                    rs.getString("drug"),
                    rs.getBigDecimal("dose"),
                    MedicationUnit.of(rs.getString("unit")).orElseThrow(),
                    Frequency.valueOf(rs.getString("frequency")),
                    (Integer) rs.getObject("frequency_count"),
                    rs.getObject("start_date", LocalDate.class),
                    rs.getObject("stop_date", LocalDate.class)))
        .list();
  }

  Optional<Medication> find(long patientId, long id) {
    return findByPatient(patientId).stream().filter(m -> m.id() == id).findFirst();
  }
}
