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
