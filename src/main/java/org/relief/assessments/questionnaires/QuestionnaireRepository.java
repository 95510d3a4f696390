package org.relief.assessments.questionnaires;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.relief.assessments.Flag;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The questionnaire tables, in SQL. Times are stored as UTC instants. */
@Repository
public class QuestionnaireRepository {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final TypeReference<Map<String, Double>> SUBSCORES = new TypeReference<>() {};
  private static final TypeReference<List<Flag>> FLAGS = new TypeReference<>() {};

  private static final String SELECT_QUESTIONNAIRE =
      "SELECT q.id, q.patient_id, q.instruments, q.created_at, q.expires_at, q.submitted_at,"
          + " (SELECT count(*) FROM questionnaire_answer a WHERE a.questionnaire_id = q.id)"
          + " AS answered FROM questionnaire q";

  private final JdbcClient jdbc;
  private final JdbcTemplate template;

  QuestionnaireRepository(JdbcClient jdbc, JdbcTemplate template) {
    this.jdbc = jdbc;
    this.template = template;
  }

  /** One scored instrument ready to be stored. */
  public record NewResponse(
      long patientId,
      Long questionnaireId,
      String instrument,
      String instrumentVersion,
      Instant scoredAt,
      Double score,
      String band,
      Map<String, Double> subscores,
      List<Flag> flags,
      int answered) {}

  long insert(
      long patientId,
      byte[] tokenDigest,
      List<String> instruments,
      Instant createdAt,
      String createdBy,
      Instant expiresAt) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql(
            "INSERT INTO questionnaire (patient_id, token_digest, instruments, created_at,"
                + " created_by, expires_at) VALUES (:patient, :digest, :instruments, :created,"
                + " :by, :expires)")
        .param("patient", patientId)
        .param("digest", tokenDigest)
        .param("instruments", instruments.toArray(String[]::new))
        .param("created", Timestamp.from(createdAt))
        .param("by", createdBy)
        .param("expires", Timestamp.from(expiresAt))
        .update(keys, "id");
    return keys.getKeyAs(Long.class);
  }

  Optional<Questionnaire> findByDigest(byte[] digest) {
    return jdbc.sql(SELECT_QUESTIONNAIRE + " WHERE q.token_digest = :digest")
        .param("digest", digest)
        .query(QuestionnaireRepository::questionnaire)
        .optional();
  }

  /** Locks the questionnaire's row until the transaction ends, so answers and submission queue. */
  void lock(long id) {
    jdbc.sql("SELECT id FROM questionnaire WHERE id = :id FOR UPDATE")
        .param("id", id)
        .query(Long.class)
        .single();
  }

  Optional<Questionnaire> findById(long id) {
    return jdbc.sql(SELECT_QUESTIONNAIRE + " WHERE q.id = :id")
        .param("id", id)
        .query(QuestionnaireRepository::questionnaire)
        .optional();
  }

  /** The patient's questionnaires, newest first. */
  List<Questionnaire> ofPatient(long patientId, int limit) {
    return jdbc.sql(
            SELECT_QUESTIONNAIRE
                + " WHERE q.patient_id = :patient ORDER BY q.created_at DESC, q.id DESC LIMIT :n")
        .param("patient", patientId)
        .param("n", limit)
        .query(QuestionnaireRepository::questionnaire)
        .list();
  }

  /**
   * The answers given, by instrument then item; a skipped item is present with a {@code null}
   * value.
   */
  Map<String, Map<String, Integer>> answers(long questionnaireId) {
    Map<String, Map<String, Integer>> answers = new LinkedHashMap<>();
    jdbc.sql(
            "SELECT instrument, item, value FROM questionnaire_answer"
                + " WHERE questionnaire_id = :id")
        .param("id", questionnaireId)
        .query(
            rs -> {
              Integer value = rs.getObject("value", Integer.class);
              answers
                  .computeIfAbsent(rs.getString("instrument"), k -> new LinkedHashMap<>())
                  .put(rs.getString("item"), value);
            });
    return answers;
  }

  void saveAnswer(long questionnaireId, String instrument, String item, Integer value, Instant at) {
    jdbc.sql(
            "INSERT INTO questionnaire_answer (questionnaire_id, instrument, item, value,"
                + " answered_at) VALUES (:id, :instrument, :item, :value, :at)"
                + " ON CONFLICT (questionnaire_id, instrument, item)"
                + " DO UPDATE SET value = EXCLUDED.value, answered_at = EXCLUDED.answered_at")
        .param("id", questionnaireId)
        .param("instrument", instrument)
        .param("item", item)
        .param("value", value, java.sql.Types.INTEGER)
        .param("at", Timestamp.from(at))
        .update();
  }

  /** Marks the questionnaire submitted if it still was open at {@code at}; false otherwise. */
  boolean markSubmitted(long id, Instant at) {
    return jdbc.sql(
                "UPDATE questionnaire SET submitted_at = :at"
                    + " WHERE id = :id AND submitted_at IS NULL AND expires_at > :at")
            .param("id", id)
            .param("at", Timestamp.from(at))
            .update()
        == 1;
  }

  long insertResponse(NewResponse r) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql(
            "INSERT INTO questionnaire_response (patient_id, questionnaire_id, instrument,"
                + " instrument_version, scored_at, score, band, subscores, flags, answered)"
                + " VALUES (:patient, :questionnaire, :instrument, :version, :at, :score, :band,"
                + " CAST(:subscores AS jsonb), CAST(:flags AS jsonb), :answered)")
        .param("patient", r.patientId())
        .param("questionnaire", r.questionnaireId(), java.sql.Types.BIGINT)
        .param("instrument", r.instrument())
        .param("version", r.instrumentVersion())
        .param("at", Timestamp.from(r.scoredAt()))
        .param("score", r.score(), java.sql.Types.DOUBLE)
        .param("band", r.band(), java.sql.Types.VARCHAR)
        .param("subscores", JSON.writeValueAsString(r.subscores()))
        .param("flags", JSON.writeValueAsString(r.flags()))
        .param("answered", r.answered())
        .update(keys, "id");
    return keys.getKeyAs(Long.class);
  }

  /** Stores many results in batches (the demo history). */
  public void insertResponses(List<NewResponse> responses) {
    template.batchUpdate(
        "INSERT INTO questionnaire_response (patient_id, questionnaire_id, instrument,"
            + " instrument_version, scored_at, score, band, subscores, flags, answered)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), CAST(? AS jsonb), ?)",
        responses,
        500,
        (ps, r) -> {
          ps.setLong(1, r.patientId());
          ps.setObject(2, r.questionnaireId(), java.sql.Types.BIGINT);
          ps.setString(3, r.instrument());
          ps.setString(4, r.instrumentVersion());
          ps.setTimestamp(5, Timestamp.from(r.scoredAt()));
          ps.setObject(6, r.score(), java.sql.Types.DOUBLE);
          ps.setString(7, r.band());
          ps.setString(8, JSON.writeValueAsString(r.subscores()));
          ps.setString(9, JSON.writeValueAsString(r.flags()));
          ps.setInt(10, r.answered());
        });
  }

  /** The patient's scored results, oldest first. */
  List<StoredResponse> responsesOf(long patientId) {
    return jdbc.sql(
            "SELECT id, patient_id, questionnaire_id, instrument, instrument_version, scored_at,"
                + " score, band, subscores, flags, answered FROM questionnaire_response"
                + " WHERE patient_id = :patient ORDER BY scored_at, id")
        .param("patient", patientId)
        .query(QuestionnaireRepository::response)
        .list();
  }

  /** Scored results by ID, oldest first. */
  List<StoredResponse> responsesByIds(java.util.Collection<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(
            "SELECT id, patient_id, questionnaire_id, instrument, instrument_version, scored_at,"
                + " score, band, subscores, flags, answered FROM questionnaire_response"
                + " WHERE id = ANY(:ids) ORDER BY scored_at, id")
        .param("ids", ids.toArray(Long[]::new))
        .query(QuestionnaireRepository::response)
        .list();
  }

  private static Questionnaire questionnaire(ResultSet rs, int row) throws SQLException {
    Array array = rs.getArray("instruments");
    List<String> instruments = new ArrayList<>(List.of((String[]) array.getArray()));
    Timestamp submitted = rs.getTimestamp("submitted_at");
    return new Questionnaire(
        rs.getLong("id"),
        rs.getLong("patient_id"),
        instruments,
        rs.getTimestamp("created_at").toInstant(),
        rs.getTimestamp("expires_at").toInstant(),
        submitted == null ? null : submitted.toInstant(),
        rs.getInt("answered"));
  }

  private static StoredResponse response(ResultSet rs, int row) throws SQLException {
    long questionnaireId = rs.getLong("questionnaire_id");
    Long questionnaire = rs.wasNull() ? null : questionnaireId;
    double score = rs.getDouble("score");
    Double value = rs.wasNull() ? null : score;
    return new StoredResponse(
        rs.getLong("id"),
        rs.getLong("patient_id"),
        questionnaire,
        rs.getString("instrument"),
        rs.getString("instrument_version"),
        rs.getTimestamp("scored_at").toInstant(),
        value,
        rs.getString("band"),
        JSON.readValue(rs.getString("subscores"), SUBSCORES),
        JSON.readValue(rs.getString("flags"), FLAGS),
        rs.getInt("answered"));
  }
}
