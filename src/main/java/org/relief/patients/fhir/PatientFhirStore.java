package org.relief.patients.fhir;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.relief.patients.Patient;
import org.relief.patients.Sex;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The registry's current and past patient versions, as the FHIR API reads and searches them. */
@Repository
class PatientFhirStore {

  /** One version of a patient and when it was recorded. */
  record Stored(Patient patient, Instant lastUpdated) {}

  /** What a FHIR Patient search asks for; null or empty means "any". */
  record Criteria(
      List<Long> ids,
      String identifierSystem,
      String identifierValue,
      String name,
      LocalDate bornFrom,
      LocalDate bornTo) {}

  /** One page of matches and how many there are in all. */
  record Page(List<Stored> found, int total) {}

  private static final String COLUMNS =
      "id, mrn, family_name, given_name, birth_date, sex, phone, email, preferred_language,"
          + " synthetic, version, updated_at";

  private static final String VERSION_COLUMNS =
      "patient_id AS id, mrn, family_name, given_name, birth_date, sex, phone, email,"
          + " preferred_language, synthetic, version, recorded_at AS updated_at";

  private final JdbcClient jdbc;

  PatientFhirStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Stored> current(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM patient WHERE id = :id")
        .param("id", id)
        .query(PatientFhirStore::stored)
        .optional();
  }

  Optional<Stored> version(long id, int version) {
    return jdbc.sql(
            "SELECT "
                + VERSION_COLUMNS
                + " FROM patient_version WHERE patient_id = :id AND version = :version")
        .param("id", id)
        .param("version", version)
        .query(PatientFhirStore::stored)
        .optional();
  }

  /** Every version, newest first. */
  List<Stored> history(long id) {
    return jdbc.sql(
            "SELECT "
                + VERSION_COLUMNS
                + " FROM patient_version WHERE patient_id = :id ORDER BY version DESC")
        .param("id", id)
        .query(PatientFhirStore::stored)
        .list();
  }

  /** Matches in ID order, {@code count} of them from {@code offset}. */
  Page search(Criteria c, int offset, int count) {
    List<String> where = new ArrayList<>();
    Map<String, Object> params = new LinkedHashMap<>();
    if (c.ids() != null && !c.ids().isEmpty()) {
      where.add("id IN (:ids)");
      params.put("ids", c.ids());
    }
    if (c.identifierValue() != null) {
      where.add("upper(mrn) = upper(:mrn)");
      params.put("mrn", c.identifierValue());
    }
    if (c.name() != null) {
      // FHIR string search: any name part starting with the text, ignoring case.
      where.add(
          "(search_name LIKE :namePrefix ESCAPE '\\' OR search_name LIKE :namePart ESCAPE '\\')");
      String text = escapeLike(c.name().strip().toLowerCase(java.util.Locale.ROOT));
      params.put("namePrefix", text + "%");
      params.put("namePart", "% " + text + "%");
    }
    if (c.bornFrom() != null) {
      where.add("birth_date >= :bornFrom");
      params.put("bornFrom", Date.valueOf(c.bornFrom()));
    }
    if (c.bornTo() != null) {
      where.add("birth_date <= :bornTo");
      params.put("bornTo", Date.valueOf(c.bornTo()));
    }
    String filter = where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
    int total =
        jdbc.sql("SELECT count(*) FROM patient" + filter)
            .params(params)
            .query(Integer.class)
            .single();
    params.put("offset", offset);
    params.put("count", count);
    List<Stored> found =
        count == 0 || offset >= total
            ? List.of()
            : jdbc.sql(
                    "SELECT "
                        + COLUMNS
                        + " FROM patient"
                        + filter
                        + " ORDER BY id OFFSET :offset LIMIT :count")
                .params(params)
                .query(PatientFhirStore::stored)
                .list();
    return new Page(found, total);
  }

  private static String escapeLike(String s) {
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  private static Stored stored(ResultSet rs, int row) throws SQLException {
    return new Stored(
        new Patient(
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
            rs.getInt("version")),
        rs.getTimestamp("updated_at").toInstant());
  }
}
