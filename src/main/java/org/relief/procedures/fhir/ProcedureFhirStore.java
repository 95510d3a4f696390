package org.relief.procedures.fhir;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.relief.platform.PracticeSettings;
import org.relief.procedures.Imaging;
import org.relief.procedures.Laterality;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads completed {@code procedure_record}s and {@code external_procedure}s as one list for the
 * FHIR API, and writes procedures recorded elsewhere. A procedure of this practice is "performed"
 * over its whole day in the practice's time zone, so that a {@code date} search finds it on that
 * day.
 */
@Repository
class ProcedureFhirStore {

  private static final String UNION =
      """
      (SELECT id, patient_id, false AS external, procedure_type, performed_on, operator_user_id,
              levels, laterality, imaging, approach, muscles_injected, lead_count,
              (generator_model IS NOT NULL AND generator_model <> '') AS generator,
              NULL::text AS code_system, NULL::text AS code, NULL::text AS display,
              'completed' AS status,
              (performed_on::timestamp AT TIME ZONE :zone) AS performed_from,
              ((performed_on + 1)::timestamp AT TIME ZONE :zone) AS performed_to,
              NULL::timestamptz AS performed_start, NULL::timestamptz AS performed_end,
              coalesce(updated_at, completed_at) AS last_updated
         FROM procedure_record WHERE status = 'completed'
       UNION ALL
       SELECT id, patient_id, true, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, false,
              code_system, code, display, status,
              coalesce(performed_start, recorded_at),
              coalesce(performed_end, performed_start, recorded_at),
              performed_start, performed_end, recorded_at
         FROM external_procedure) p
      """;

  private final JdbcClient jdbc;
  private final PracticeSettings practice;

  ProcedureFhirStore(JdbcClient jdbc, PracticeSettings practice) {
    this.jdbc = jdbc;
    this.practice = practice;
  }

  /** What a search asks for; null fields do not filter. */
  record Criteria(
      Long patientId,
      List<String> procedureTypes,
      List<List<String>> externalCodes,
      List<String> statuses,
      Instant from,
      Instant to,
      boolean byDate,
      boolean newestFirst) {}

  record Page(List<StoredProcedure> found, int total) {}

  Optional<StoredProcedure> find(long id) {
    return jdbc.sql("SELECT * FROM " + UNION + " WHERE id = :id")
        .param("zone", zone())
        .param("id", id)
        .query(ProcedureFhirStore::row)
        .optional();
  }

  Page search(Criteria c, int offset, int size) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("zone", zone());
    List<String> where = new ArrayList<>();
    if (c.patientId() != null) {
      where.add("patient_id = :patient");
      params.put("patient", c.patientId());
    }
    if (c.procedureTypes() != null || c.externalCodes() != null) {
      List<String> any = new ArrayList<>();
      if (c.procedureTypes() != null && !c.procedureTypes().isEmpty()) {
        any.add("procedure_type IN (:types)");
        params.put("types", c.procedureTypes());
      }
      if (c.externalCodes() != null) {
        for (int i = 0; i < c.externalCodes().size(); i++) {
          List<String> token = c.externalCodes().get(i);
          any.add(
              token.get(0) == null
                  ? "code = :code" + i
                  : "(code_system = :system" + i + " AND code = :code" + i + ")");
          params.put("code" + i, token.get(1));
          if (token.get(0) != null) {
            params.put("system" + i, token.get(0));
          }
        }
      }
      where.add(any.isEmpty() ? "false" : "(" + String.join(" OR ", any) + ")");
    }
    if (c.statuses() != null) {
      where.add("status IN (:statuses)");
      params.put("statuses", c.statuses().isEmpty() ? List.of("") : c.statuses());
    }
    if (c.from() != null) {
      where.add("performed_to > :from");
      params.put("from", Timestamp.from(c.from()));
    }
    if (c.to() != null) {
      where.add("performed_from <= :to");
      params.put("to", Timestamp.from(c.to()));
    }
    String filter = where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
    int total =
        jdbc.sql("SELECT count(*) FROM " + UNION + filter)
            .params(params)
            .query(Integer.class)
            .single();
    if (total <= offset || size == 0) {
      return new Page(List.of(), total);
    }
    String order =
        c.byDate()
            ? (c.newestFirst() ? "performed_from DESC, id DESC" : "performed_from, id")
            : "id";
    params.put("offset", offset);
    params.put("count", size);
    List<StoredProcedure> found =
        jdbc.sql(
                "SELECT * FROM "
                    + UNION
                    + filter
                    + " ORDER BY "
                    + order
                    + " OFFSET :offset LIMIT :count")
            .params(params)
            .query(ProcedureFhirStore::row)
            .list();
    return new Page(found, total);
  }

  /** Every match, for a search whose codes are derived in Java (CPT). */
  List<StoredProcedure> all(Criteria c) {
    return search(c, 0, Integer.MAX_VALUE).found();
  }

  long insertElsewhere(
      long patientId,
      String system,
      String code,
      String display,
      String status,
      Instant start,
      Instant end,
      Instant now) {
    return jdbc.sql(
            """
            INSERT INTO external_procedure (patient_id, code_system, code, display, status,
                performed_start, performed_end, recorded_at)
            VALUES (:patient, :system, :code, :display, :status, :start, :end, :now)
            RETURNING id
            """)
        .param("patient", patientId)
        .param("system", system)
        .param("code", code)
        .param("display", display)
        .param("status", status)
        .param("start", start == null ? null : Timestamp.from(start))
        .param("end", end == null ? null : Timestamp.from(end))
        .param("now", Timestamp.from(now))
        .query(Long.class)
        .single();
  }

  /** A procedure done elsewhere from a bulk import, known in its source as {@code sourceId}. */
  record ImportedElsewhere(
      long patientId,
      String sourceId,
      String system,
      String code,
      String display,
      String status,
      Instant start,
      Instant end) {}

  /**
   * Inserts a bulk import's procedures done elsewhere in one statement; one whose {@code sourceId}
   * is already kept is left as it is. Answers the source IDs of the rows it added (a row without a
   * source ID is always added and answers null).
   */
  List<String> insertImported(List<ImportedElsewhere> rows, Instant now) {
    if (rows.isEmpty()) {
      return List.of();
    }
    int n = rows.size();
    String[] patient = new String[n];
    String[] source = new String[n];
    String[] system = new String[n];
    String[] code = new String[n];
    String[] display = new String[n];
    String[] status = new String[n];
    String[] start = new String[n];
    String[] end = new String[n];
    for (int i = 0; i < n; i++) {
      ImportedElsewhere r = rows.get(i);
      patient[i] = Long.toString(r.patientId());
      source[i] = r.sourceId();
      system[i] = r.system();
      code[i] = r.code();
      display[i] = r.display();
      status[i] = r.status();
      start[i] = r.start() == null ? null : r.start().toString();
      end[i] = r.end() == null ? null : r.end().toString();
    }
    return jdbc.sql(
            """
            INSERT INTO external_procedure (patient_id, source_id, code_system, code, display,
                status, performed_start, performed_end, recorded_at)
            SELECT p::bigint, s, sy, c, d, st, a::timestamptz, e::timestamptz, :now
            FROM unnest(CAST(:patient AS text[]), CAST(:source AS text[]),
                        CAST(:system AS text[]), CAST(:code AS text[]), CAST(:display AS text[]),
                        CAST(:status AS text[]), CAST(:start AS text[]), CAST(:end AS text[]))
                 AS t(p, s, sy, c, d, st, a, e)
            ON CONFLICT (source_id) WHERE source_id IS NOT NULL DO NOTHING
            RETURNING source_id
            """)
        .param("patient", patient)
        .param("source", source)
        .param("system", system)
        .param("code", code)
        .param("display", display)
        .param("status", status)
        .param("start", start)
        .param("end", end)
        .param("now", Timestamp.from(now))
        .query((rs, i) -> rs.getString(1))
        .list();
  }

  /** The patient's procedures recorded elsewhere, newest first. */
  List<StoredProcedure.Elsewhere> elsewhere(long patientId) {
    return jdbc
        .sql(
            "SELECT * FROM "
                + UNION
                + " WHERE patient_id = :patient AND external ORDER BY performed_from DESC, id DESC")
        .param("zone", zone())
        .param("patient", patientId)
        .query(ProcedureFhirStore::row)
        .list()
        .stream()
        .map(StoredProcedure.Elsewhere.class::cast)
        .toList();
  }

  private String zone() {
    return practice.timeZone().getId();
  }

  private static StoredProcedure row(ResultSet rs, int n) throws SQLException {
    Instant updated = rs.getTimestamp("last_updated").toInstant();
    if (rs.getBoolean("external")) {
      Timestamp start = rs.getTimestamp("performed_start");
      Timestamp end = rs.getTimestamp("performed_end");
      return new StoredProcedure.Elsewhere(
          rs.getLong("id"),
          rs.getLong("patient_id"),
          rs.getString("code_system"),
          rs.getString("code"),
          rs.getString("display"),
          rs.getString("status"),
          start == null ? null : start.toInstant(),
          end == null ? null : end.toInstant(),
          updated);
    }
    Array levels = rs.getArray("levels");
    String imaging = rs.getString("imaging");
    return new StoredProcedure.Performed(
        rs.getLong("id"),
        rs.getLong("patient_id"),
        rs.getString("procedure_type"),
        rs.getObject("performed_on", LocalDate.class),
        rs.getLong("operator_user_id"),
        Arrays.asList((String[]) levels.getArray()),
        Laterality.fromCode(rs.getString("laterality")),
        imaging == null ? null : Imaging.valueOf(imaging),
        rs.getString("approach"),
        rs.getObject("muscles_injected", Integer.class),
        rs.getObject("lead_count", Integer.class),
        rs.getBoolean("generator"),
        updated);
  }
}
