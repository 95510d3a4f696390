package org.relief.assessments.fhir;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.relief.assessments.fhir.ObservationMapper.ScoredResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Scored results in {@code questionnaire_response}, as the FHIR API reads and writes them. */
@Repository
class ObservationStore {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final TypeReference<Map<String, Double>> SUBSCORES = new TypeReference<>() {};
  private static final String COLUMNS =
      "id, patient_id, instrument, scored_at, score, band, subscores";

  /** What a FHIR Observation search asks for; null means "any". */
  record Criteria(
      Long patientId, List<String> instruments, Instant from, Instant to, boolean newestFirst) {}

  record Page(List<ScoredResult> found, int total) {}

  private final JdbcClient jdbc;

  ObservationStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<ScoredResult> find(long id, Function<String, String> names) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM questionnaire_response WHERE id = :id")
        .param("id", id)
        .query((rs, n) -> result(rs, names))
        .optional();
  }

  long insert(
      long patientId,
      String instrument,
      String version,
      Instant scoredAt,
      double score,
      String band) {
    return jdbc.sql(
            "INSERT INTO questionnaire_response (patient_id, instrument, instrument_version,"
                + " scored_at, score, band, answered) VALUES (:patient, :instrument, :version,"
                + " :at, :score, :band, 1) RETURNING id")
        .param("patient", patientId)
        .param("instrument", instrument)
        .param("version", version)
        .param("at", Timestamp.from(scoredAt))
        .param("score", score)
        .param("band", band, java.sql.Types.VARCHAR)
        .query(Long.class)
        .single();
  }

  Page search(Criteria c, int offset, int count, Function<String, String> names) {
    List<String> where = new ArrayList<>();
    Map<String, Object> params = new LinkedHashMap<>();
    if (c.patientId() != null) {
      where.add("patient_id = :patient");
      params.put("patient", c.patientId());
    }
    if (c.instruments() != null) {
      where.add("instrument IN (:instruments)");
      params.put("instruments", c.instruments());
    }
    if (c.from() != null) {
      where.add("scored_at >= :from");
      params.put("from", Timestamp.from(c.from()));
    }
    if (c.to() != null) {
      where.add("scored_at <= :to");
      params.put("to", Timestamp.from(c.to()));
    }
    String filter = where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
    int total =
        jdbc.sql("SELECT count(*) FROM questionnaire_response" + filter)
            .params(params)
            .query(Integer.class)
            .single();
    if (count == 0 || offset >= total) {
      return new Page(List.of(), total);
    }
    String order = c.newestFirst() ? "scored_at DESC, id DESC" : "scored_at, id";
    params.put("offset", offset);
    params.put("count", count);
    List<ScoredResult> found =
        jdbc.sql(
                "SELECT "
                    + COLUMNS
                    + " FROM questionnaire_response"
                    + filter
                    + " ORDER BY "
                    + order
                    + " OFFSET :offset LIMIT :count")
            .params(params)
            .query((rs, n) -> result(rs, names))
            .list();
    return new Page(found, total);
  }

  private static ScoredResult result(ResultSet rs, Function<String, String> names)
      throws SQLException {
    double score = rs.getDouble("score");
    Double value = rs.wasNull() ? null : score;
    String instrument = rs.getString("instrument");
    return new ScoredResult(
        rs.getLong("id"),
        rs.getLong("patient_id"),
        instrument,
        names.apply(instrument),
        rs.getTimestamp("scored_at").toInstant(),
        value,
        rs.getString("band"),
        JSON.readValue(rs.getString("subscores"), SUBSCORES));
  }
}
