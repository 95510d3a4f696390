package org.relief.assessments.questionnaires;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.relief.assessments.Instrument;
import org.relief.assessments.Instruments;
import org.relief.assessments.InvalidAnswers;
import org.relief.assessments.Score;
import org.relief.assessments.ScoringContext;
import org.relief.patients.PatientRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answer sheets: one instrument's answers as the patient gave them (a FHIR QuestionnaireResponse),
 * from the FHIR API or from a submitted patient link. A completed sheet is scored by {@link
 * Instruments#score} and its result stored in {@code questionnaire_response}, the same row a
 * patient link produces, so that the FHIR Observation search finds it; sheet and result are written
 * in one transaction, and answers that do not score write nothing.
 */
@Service
public class AnswerSheets {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final TypeReference<Map<String, Integer>> ANSWERS = new TypeReference<>() {};
  private static final String COLUMNS =
      "id, patient_id, instrument, instrument_version, status, authored, recorded_at, answers,"
          + " questionnaire_id, scored_response_id, identifier_system, identifier_value";

  /** Sheet statuses, as FHIR names them. */
  public static final String IN_PROGRESS = "in-progress";

  public static final String COMPLETED = "completed";

  /** A stored sheet; {@code answers} in the instrument's item order, null for a skipped item. */
  public record AnswerSheet(
      long id,
      long patientId,
      String instrument,
      String instrumentVersion,
      String status,
      Instant authored,
      Instant recordedAt,
      Map<String, Integer> answers,
      Long questionnaireId,
      Long scoredResponseId,
      String identifierSystem,
      String identifierValue) {}

  /** A sheet to store; the answers were checked against the instrument's items by the caller. */
  public record NewSheet(
      long patientId,
      String instrument,
      String status,
      Instant authored,
      Map<String, Integer> answers,
      String identifierSystem,
      String identifierValue) {}

  /** What a search asks for; null means "any". */
  public record Criteria(
      List<Long> ids,
      Long patientId,
      List<String> instruments,
      String status,
      Instant from,
      Instant to,
      String identifierSystem,
      String identifierValue) {}

  public record Page(List<AnswerSheet> found, int total) {}

  private final JdbcClient jdbc;
  private final QuestionnaireRepository responses;
  private final Instruments instruments;
  private final PatientRegistry patients;

  AnswerSheets(
      JdbcClient jdbc,
      QuestionnaireRepository responses,
      Instruments instruments,
      PatientRegistry patients) {
    this.jdbc = jdbc;
    this.responses = responses;
    this.instruments = instruments;
    this.patients = patients;
  }

  /**
   * Stores a sheet; a completed one is scored first and its result stored with it.
   *
   * @throws InvalidAnswers if a completed sheet's answers do not score (nothing is written)
   */
  @Transactional
  public AnswerSheet record(NewSheet sheet, Instant now) {
    Instrument instrument = instruments.definition(sheet.instrument());
    Long scored = null;
    if (COMPLETED.equals(sheet.status())) {
      Score score = score(instrument, sheet.patientId(), sheet.answers());
      scored =
          responses.insertResponse(
              new QuestionnaireRepository.NewResponse(
                  sheet.patientId(),
                  null,
                  instrument.code(),
                  instrument.version(),
                  sheet.authored(),
                  score.score(),
                  score.band(),
                  score.subscores(),
                  score.flags(),
                  score.answered()));
    }
    long id =
        jdbc.sql(
                "INSERT INTO answer_sheet (patient_id, instrument, instrument_version, status,"
                    + " authored, recorded_at, answers, scored_response_id, identifier_system,"
                    + " identifier_value) VALUES (:patient, :instrument, :version, :status,"
                    + " :authored, :now, CAST(:answers AS jsonb), :scored, :system, :value)"
                    + " RETURNING id")
            .param("patient", sheet.patientId())
            .param("instrument", instrument.code())
            .param("version", instrument.version())
            .param("status", sheet.status())
            .param("authored", Timestamp.from(sheet.authored()))
            .param("now", Timestamp.from(now))
            .param("answers", JSON.writeValueAsString(sheet.answers()))
            .param("scored", scored, java.sql.Types.BIGINT)
            .param("system", sheet.identifierSystem(), java.sql.Types.VARCHAR)
            .param("value", sheet.identifierValue(), java.sql.Types.VARCHAR)
            .query(Long.class)
            .single();
    return find(id).orElseThrow();
  }

  /** Keeps the answers of an instrument submitted through a patient link as a completed sheet. */
  void recordFromLink(
      long questionnaireId,
      long patientId,
      String instrument,
      String version,
      Map<String, Integer> answers,
      long scoredResponseId,
      Instant at) {
    jdbc.sql(
            "INSERT INTO answer_sheet (patient_id, instrument, instrument_version, status,"
                + " authored, recorded_at, answers, questionnaire_id, scored_response_id) VALUES"
                + " (:patient, :instrument, :version, 'completed', :at, :at,"
                + " CAST(:answers AS jsonb), :questionnaire, :scored)")
        .param("patient", patientId)
        .param("instrument", instrument)
        .param("version", version)
        .param("at", Timestamp.from(at))
        .param("answers", JSON.writeValueAsString(answers))
        .param("questionnaire", questionnaireId)
        .param("scored", scoredResponseId)
        .update();
  }

  public Optional<AnswerSheet> find(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM answer_sheet WHERE id = :id")
        .param("id", id)
        .query(this::sheet)
        .optional();
  }

  /** Sheets matching the criteria, oldest authored first. */
  public Page search(Criteria c, int offset, int count) {
    List<String> where = new ArrayList<>();
    Map<String, Object> params = new LinkedHashMap<>();
    if (c.ids() != null) {
      where.add("id = ANY(:ids)");
      params.put("ids", c.ids().toArray(Long[]::new));
    }
    if (c.patientId() != null) {
      where.add("patient_id = :patient");
      params.put("patient", c.patientId());
    }
    if (c.instruments() != null) {
      where.add("instrument IN (:instruments)");
      params.put("instruments", c.instruments().isEmpty() ? List.of("") : c.instruments());
    }
    if (c.status() != null) {
      where.add("status = :status");
      params.put("status", c.status());
    }
    if (c.from() != null) {
      where.add("authored >= :from");
      params.put("from", Timestamp.from(c.from()));
    }
    if (c.to() != null) {
      where.add("authored <= :to");
      params.put("to", Timestamp.from(c.to()));
    }
    if (c.identifierValue() != null) {
      where.add("identifier_value = :value");
      params.put("value", c.identifierValue());
      if (c.identifierSystem() != null) {
        where.add("identifier_system IS NOT DISTINCT FROM :system");
        params.put("system", c.identifierSystem().isEmpty() ? null : c.identifierSystem());
      }
    }
    String filter = where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
    int total =
        jdbc.sql("SELECT count(*) FROM answer_sheet" + filter)
            .params(params)
            .query(Integer.class)
            .single();
    if (count == 0 || offset >= total) {
      return new Page(List.of(), total);
    }
    params.put("offset", offset);
    params.put("count", count);
    List<AnswerSheet> found =
        jdbc.sql(
                "SELECT "
                    + COLUMNS
                    + " FROM answer_sheet"
                    + filter
                    + " ORDER BY authored, id OFFSET :offset LIMIT :count")
            .params(params)
            .query(this::sheet)
            .list();
    return new Page(found, total);
  }

  private Score score(Instrument instrument, long patientId, Map<String, Integer> answers) {
    try {
      return instruments.score(instrument.code(), answers, ScoringContext.none());
    } catch (InvalidAnswers e) {
      if (!InvalidAnswers.SEX_REQUIRED.equals(e.code())) {
        throw e;
      }
      // Only the Opioid Risk Tool weighs items by sex (clinical-rules.md §3.8): read it then.
      String sex =
          switch (patients.open(patientId).sex()) {
            case FEMALE -> "female";
            case MALE -> "male";
            default -> null;
          };
      return instruments.score(instrument.code(), answers, new ScoringContext(sex));
    }
  }

  private AnswerSheet sheet(ResultSet rs, int row) throws SQLException {
    String instrument = rs.getString("instrument");
    Map<String, Integer> stored = JSON.readValue(rs.getString("answers"), ANSWERS);
    Map<String, Integer> ordered = new LinkedHashMap<>();
    try {
      instruments.definition(instrument).items().stream()
          .filter(i -> stored.containsKey(i.key()))
          .forEach(i -> ordered.put(i.key(), stored.get(i.key())));
    } catch (org.relief.assessments.UnknownInstrument e) {
      // An instrument since retired from the library: keep the stored order.
    }
    stored.forEach(ordered::putIfAbsent);
    long questionnaire = rs.getLong("questionnaire_id");
    Long questionnaireId = rs.wasNull() ? null : questionnaire;
    long scored = rs.getLong("scored_response_id");
    Long scoredId = rs.wasNull() ? null : scored;
    return new AnswerSheet(
        rs.getLong("id"),
        rs.getLong("patient_id"),
        instrument,
        rs.getString("instrument_version"),
        rs.getString("status"),
        rs.getTimestamp("authored").toInstant(),
        rs.getTimestamp("recorded_at").toInstant(),
        ordered,
        questionnaireId,
        scoredId,
        rs.getString("identifier_system"),
        rs.getString("identifier_value"));
  }
}
