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
      "id, patient_id, instrument, scored_at, score, band, subscores, version, status,"
          + " COALESCE(updated_at, scored_at) AS last_updated";

  /** A replaced version, with what does not change taken from the current row. */
  private static final String VERSION_COLUMNS =
      "r.id, r.patient_id, r.instrument, v.scored_at, v.score, v.band, v.subscores, v.version,"
          + " v.status, v.recorded_at AS last_updated";

  /** What a FHIR Observation search asks for; null means "any". */
  record Criteria(
      Long patientId,
      List<String> instruments,
      Instant from,
      Instant to,
      boolean newestFirst,
      List<String> statuses) {}

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

  /** One version of an Observation: the current one or one a correction replaced. */
  Optional<ScoredResult> version(long id, int version, Function<String, String> names) {
    Optional<ScoredResult> current = find(id, names).filter(r -> r.version() == version);
    if (current.isPresent()) {
      return current;
    }
    return jdbc.sql(
            "SELECT "
                + VERSION_COLUMNS
                + " FROM questionnaire_response_version v JOIN questionnaire_response r"
                + " ON r.id = v.response_id WHERE v.response_id = :id AND v.version = :version")
        .param("id", id)
        .param("version", version)
        .query((rs, n) -> result(rs, names))
        .optional();
  }

  /** Every version, newest first; empty when there is no such Observation. */
  List<ScoredResult> history(long id, Function<String, String> names) {
    List<ScoredResult> versions = new ArrayList<>();
    find(id, names).ifPresent(versions::add);
    if (versions.isEmpty()) {
      return versions;
    }
    versions.addAll(
        jdbc.sql(
                "SELECT "
                    + VERSION_COLUMNS
                    + " FROM questionnaire_response_version v JOIN questionnaire_response r"
                    + " ON r.id = v.response_id WHERE v.response_id = :id"
                    + " ORDER BY v.version DESC")
            .param("id", id)
            .query((rs, n) -> result(rs, names))
            .list());
    return versions;
  }

  /**
   * Whether the result was scored from the patient's answers (a patient link or a
   * QuestionnaireResponse), whose Observation changes only with new answers.
   */
  boolean scoredFromAnswers(long id) {
    return jdbc.sql(
            "SELECT questionnaire_id IS NOT NULL OR EXISTS (SELECT 1 FROM answer_sheet s"
                + " WHERE s.scored_response_id = r.id) FROM questionnaire_response r"
                + " WHERE r.id = :id")
        .param("id", id)
        .query(Boolean.class)
        .optional()
        .orElse(false);
  }

  /**
   * Replaces version {@code version} of a pain score by a correction, keeping the replaced version.
   * Answers false, changing nothing, when the score is no longer at that version. Call inside a
   * transaction.
   */
  boolean correct(
      long id,
      int version,
      String status,
      Instant scoredAt,
      double score,
      String band,
      Instant now) {
    int saved =
        jdbc.sql(
                "INSERT INTO questionnaire_response_version (response_id, version, status,"
                    + " scored_at, score, band, subscores, recorded_at)"
                    + " SELECT id, version, status, scored_at, score, band, subscores,"
                    + " COALESCE(updated_at, scored_at) FROM questionnaire_response"
                    + " WHERE id = :id AND version = :version FOR UPDATE")
            .param("id", id)
            .param("version", version)
            .update();
    if (saved == 0) {
      return false;
    }
    return jdbc.sql(
                "UPDATE questionnaire_response SET version = version + 1, status = :status,"
                    + " scored_at = :at, score = :score, band = :band, updated_at = :now"
                    + " WHERE id = :id AND version = :version")
            .param("id", id)
            .param("version", version)
            .param("status", status)
            .param("at", Timestamp.from(scoredAt))
            .param("score", score)
            .param("band", band, java.sql.Types.VARCHAR)
            .param("now", Timestamp.from(now))
            .update()
        == 1;
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

  /** A scored NRS pain score from a bulk import, known in its source as {@code sourceId}. */
  record ImportedScore(
      long patientId, String sourceId, Instant scoredAt, double score, String band) {}

  /**
   * Inserts imported scores in one statement; a score whose source ID is already kept is left as it
   * is. Answers the source IDs inserted.
   */
  java.util.Set<String> insertImported(
      List<ImportedScore> scores, String instrument, String version) {
    if (scores.isEmpty()) {
      return java.util.Set.of();
    }
    int n = scores.size();
    String[] patient = new String[n];
    String[] source = new String[n];
    String[] at = new String[n];
    String[] score = new String[n];
    String[] band = new String[n];
    for (int i = 0; i < n; i++) {
      ImportedScore s = scores.get(i);
      patient[i] = Long.toString(s.patientId());
      source[i] = s.sourceId();
      at[i] = s.scoredAt().toString();
      score[i] = Double.toString(s.score());
      band[i] = s.band();
    }
    return new java.util.HashSet<>(
        jdbc.sql(
                """
                INSERT INTO questionnaire_response (patient_id, source_id, instrument,
                       instrument_version, scored_at, score, band, answered)
                SELECT p::bigint, s, :instrument, :version, a::timestamptz, sc::double precision,
                       b, 1
                FROM unnest(CAST(:patient AS text[]), CAST(:source AS text[]),
                            CAST(:at AS text[]), CAST(:score AS text[]), CAST(:band AS text[]))
                     AS t(p, s, a, sc, b)
                ON CONFLICT (source_id) WHERE source_id IS NOT NULL DO NOTHING
                RETURNING source_id
                """)
            .param("patient", patient)
            .param("source", source)
            .param("at", at)
            .param("score", score)
            .param("band", band)
            .param("instrument", instrument)
            .param("version", version)
            .query(String.class)
            .list());
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
    if (c.statuses() != null) {
      where.add("status IN (:statuses)");
      params.put("statuses", c.statuses());
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
        JSON.readValue(rs.getString("subscores"), SUBSCORES),
        rs.getInt("version"),
        rs.getString("status"),
        rs.getTimestamp("last_updated").toInstant());
  }
}
