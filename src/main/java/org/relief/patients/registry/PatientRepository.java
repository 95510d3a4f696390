package org.relief.patients.registry;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.relief.patients.Patient;
import org.relief.patients.PatientDetails;
import org.relief.patients.PatientSearch;
import org.relief.patients.Sex;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Patients in the {@code patient} table. */
@Repository
public class PatientRepository {

  private static final String COLUMNS =
      "id, mrn, family_name, given_name, birth_date, sex, phone, email, preferred_language,"
          + " synthetic, version";

  /**
   * Copies the row a statement's {@code p} CTE inserted or updated into {@code patient_version}, in
   * the same statement, so that every version stays readable (FHIR vread and history).
   */
  private static final String KEEP_VERSION =
      """
      INSERT INTO patient_version (patient_id, version, mrn, family_name, given_name, birth_date,
                                   sex, phone, email, preferred_language, synthetic, recorded_at)
      SELECT id, version, mrn, family_name, given_name, birth_date, sex, phone, email,
             preferred_language, synthetic, updated_at FROM p
      """;

  private final JdbcClient jdbc;

  PatientRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public long insert(PatientDetails d, boolean synthetic, Instant now) {
    return jdbc.sql(
            """
            WITH p AS (
              INSERT INTO patient (mrn, family_name, given_name, birth_date, sex, phone, email,
                                   preferred_language, synthetic, created_at, updated_at)
              VALUES (:mrn, :family, :given, :birth, :sex, :phone, :email, :lang, :synthetic, :now,
                      :now)
              RETURNING *)
            """
                + KEEP_VERSION
                + " RETURNING patient_id")
        .params(detailParameters(d))
        .param("synthetic", synthetic)
        .param("now", Timestamp.from(now))
        .query(Long.class)
        .single();
  }

  /** Updates when the stored version is still {@code version}; returns whether it was. */
  public boolean update(long id, int version, PatientDetails d, Instant now) {
    return jdbc.sql(
                """
                WITH p AS (
                  UPDATE patient SET mrn = :mrn, family_name = :family, given_name = :given,
                         birth_date = :birth, sex = :sex, phone = :phone, email = :email,
                         preferred_language = :lang, updated_at = :now, version = version + 1
                  WHERE id = :id AND version = :version
                  RETURNING *)
                """
                    + KEEP_VERSION)
            .params(detailParameters(d))
            .param("now", Timestamp.from(now))
            .param("id", id)
            .param("version", version)
            .update()
        == 1;
  }

  private static java.util.Map<String, Object> detailParameters(PatientDetails d) {
    var params = new java.util.HashMap<String, Object>();
    params.put("mrn", d.mrn());
    params.put("family", d.familyName());
    params.put("given", d.givenName());
    params.put("birth", Date.valueOf(d.birthDate()));
    params.put("sex", d.sex().name());
    params.put("phone", d.phone());
    params.put("email", d.email());
    params.put("lang", d.preferredLanguage());
    return params;
  }

  public Optional<Patient> findById(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM patient WHERE id = :id")
        .param("id", id)
        .query(PatientRepository::patient)
        .optional();
  }

  public Optional<Patient> findByMrn(String mrn) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM patient WHERE upper(mrn) = upper(:mrn)")
        .param("mrn", mrn)
        .query(PatientRepository::patient)
        .optional();
  }

  public List<Long> syntheticIds() {
    return jdbc.sql("SELECT id FROM patient WHERE synthetic ORDER BY id").query(Long.class).list();
  }

  public long count() {
    return jdbc.sql("SELECT count(*) FROM patient").query(Long.class).single();
  }

  /** At most {@code limit} patients matching the search, by name. */
  public List<Patient> search(PatientSearch search, int limit) {
    return switch (search.kind()) {
      case EMPTY -> List.of();
      case MRN ->
          jdbc.sql("SELECT " + COLUMNS + " FROM patient WHERE upper(mrn) = :mrn")
              .param("mrn", search.mrn())
              .query(PatientRepository::patient)
              .list();
      case BIRTH_DATE ->
          jdbc.sql(
                  "SELECT "
                      + COLUMNS
                      + " FROM patient WHERE birth_date = :birth"
                      + " ORDER BY family_name, given_name, id LIMIT :limit")
              .param("birth", Date.valueOf(search.birthDate()))
              .param("limit", limit)
              .query(PatientRepository::patient)
              .list();
      case NAME -> byName(search.nameParts(), limit);
    };
  }

  private List<Patient> byName(List<String> parts, int limit) {
    StringBuilder where = new StringBuilder("TRUE");
    var statement = new java.util.LinkedHashMap<String, Object>();
    for (int i = 0; i < parts.size(); i++) {
      where.append(" AND search_name LIKE :p").append(i).append(" ESCAPE '\\'");
      statement.put("p" + i, "%" + escapeLike(parts.get(i)) + "%");
    }
    statement.put("limit", limit);
    // Matching first, through the trigram index, then ordering the matches: left to itself the
    // planner walks the name-order index hoping to stop early and filters most of the table for a
    // common name part (bench/RESULTS.md).
    return jdbc.sql(
            "WITH matching AS MATERIALIZED (SELECT "
                + COLUMNS
                + ", family_name AS f, given_name AS g FROM patient WHERE "
                + where
                + ") SELECT "
                + COLUMNS
                + " FROM matching ORDER BY f, g, id LIMIT :limit")
        .params(statement)
        .query(PatientRepository::patient)
        .list();
  }

  static String escapeLike(String s) {
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  private static Patient patient(ResultSet rs, int row) throws SQLException {
    return new Patient(
        rs.getLong("id"),
        rs.getString("mrn"),
        rs.getString("family_name"),
        rs.getString("given_name"),
        rs.getDate("birth_date").toLocalDate(),
        Sex.valueOf(rs.getString("sex")),
        rs.getString("phone"),
        rs.getString("email"),
        rs.getString("preferred_language"),
        rs.getBoolean("synthetic"),
        rs.getInt("version"));
  }
}
