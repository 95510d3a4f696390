package org.relief.assessments.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseStatus;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;
import org.relief.assessments.AssessmentSettings;
import org.relief.assessments.Instrument;
import org.relief.assessments.Instruments;
import org.relief.assessments.InvalidAnswers;
import org.relief.assessments.questionnaires.AnswerSheets.AnswerSheet;
import org.relief.platform.RuleViolation;

class QuestionnaireMappersTest {

  private static final Instruments INSTRUMENTS = new Instruments(AssessmentSettings.defaults());
  private static final Instant AT = Instant.parse("2026-02-03T10:00:00Z");

  private static QuestionnaireResponse given(QuestionnaireResponseStatus status) {
    QuestionnaireResponse r = new QuestionnaireResponse();
    r.setStatus(status);
    r.setSubject(new Reference("Patient/7"));
    return r;
  }

  @Test
  void requiredItemsAreThoseWithoutWhichScoringRefusesTheAnswers() {
    assertThat(
            QuestionnaireResourceProvider.requiredItems(INSTRUMENTS, INSTRUMENTS.definition("nrs")))
        .containsExactly("1");
    assertThat(
            QuestionnaireResourceProvider.requiredItems(
                INSTRUMENTS, INSTRUMENTS.definition("phq9")))
        .doesNotContain("10");
  }

  @Test
  void canonicalReferencesNameTheInstrumentAndAVersionWithoutSpaces() {
    assertThat(QuestionnaireMapper.instrumentOf(QuestionnaireMapper.CANONICAL + "odi|2.1a"))
        .contains("odi");
    assertThat(QuestionnaireMapper.versionOf(QuestionnaireMapper.CANONICAL + "odi|2.1a"))
        .contains("2.1a");
    assertThat(QuestionnaireMapper.instrumentOf("https://example.org/Questionnaire/odi")).isEmpty();
    assertThat(QuestionnaireMapper.version("7-point (Guy 1976 CGI-I adapted)"))
        .isEqualTo("7-point-Guy-1976-CGI-I-adapted");
  }

  @Test
  void phq9BecomesAQuestionnaireWithItsLoincPanelAndItemCodes() {
    Instrument phq9 = INSTRUMENTS.definition("phq9");
    var q = QuestionnaireMapper.toFhir(phq9, Set.of());
    assertThat(q.getName()).isEqualTo("PHQ9");
    assertThat(q.getCodeFirstRep().getCode()).isEqualTo("44249-1");
    assertThat(q.getItem()).hasSize(10);
    assertThat(q.getItem().get(0).getCodeFirstRep().getCode()).isEqualTo("44250-9");
    assertThat(q.getItem().get(9).hasCode()).isFalse();
  }

  @Test
  void readsWholeNumberAnswersInRangeAndRefusesOthersNamingTheItem() {
    Instrument nrs = INSTRUMENTS.definition("nrs");
    QuestionnaireResponse ok = given(QuestionnaireResponseStatus.COMPLETED);
    ok.addItem().setLinkId("1").addAnswer().setValue(new DecimalType("6.0"));
    assertThat(QuestionnaireResponseMapper.fromFhir(ok, nrs, 7, AT, Set.of("1")).answers())
        .containsEntry("1", 6);

    QuestionnaireResponse high = given(QuestionnaireResponseStatus.COMPLETED);
    high.addItem().setLinkId("1").addAnswer().setValue(new IntegerType(11));
    assertThatThrownBy(() -> QuestionnaireResponseMapper.fromFhir(high, nrs, 7, AT, Set.of("1")))
        .isInstanceOf(InvalidAnswers.class)
        .hasMessageContaining("NRS-11 item 1")
        .hasMessageContaining("0 to 10");

    QuestionnaireResponse twice = given(QuestionnaireResponseStatus.COMPLETED);
    twice.addItem().setLinkId("1").addAnswer().setValue(new IntegerType(2));
    twice.addItem().setLinkId("1").addAnswer().setValue(new IntegerType(3));
    assertThatThrownBy(() -> QuestionnaireResponseMapper.fromFhir(twice, nrs, 7, AT, Set.of("1")))
        .hasMessageContaining("answered twice");

    QuestionnaireResponse amended = given(QuestionnaireResponseStatus.AMENDED);
    assertThatThrownBy(() -> QuestionnaireResponseMapper.fromFhir(amended, nrs, 7, AT, Set.of()))
        .isInstanceOf(RuleViolation.class)
        .hasMessageContaining("amended");

    QuestionnaireResponse unfinished = given(QuestionnaireResponseStatus.INPROGRESS);
    assertThat(QuestionnaireResponseMapper.fromFhir(unfinished, nrs, 7, AT, Set.of("1")).answers())
        .isEmpty();
  }

  @Test
  void aSheetBecomesAResponseWithItsAnswersInItemOrderAndSkippedItemsLeftOut() {
    Map<String, Integer> answers = new LinkedHashMap<>();
    answers.put("1", 2);
    answers.put("2", null);
    answers.put("3", 0);
    AnswerSheet sheet =
        new AnswerSheet(
            5, 7, "gad7", "GAD-7", "completed", AT, AT, answers, null, 9L, "urn:x", "abc");
    QuestionnaireResponse r =
        QuestionnaireResponseMapper.toFhir(sheet, INSTRUMENTS.definition("gad7"));
    assertThat(r.getIdElement().getIdPart()).isEqualTo("5");
    assertThat(r.getQuestionnaire()).isEqualTo(QuestionnaireMapper.CANONICAL + "gad7|GAD-7");
    assertThat(r.getItem()).extracting(i -> i.getLinkId()).containsExactly("1", "3");
    assertThat(r.getIdentifier().getValue()).isEqualTo("abc");
  }
}
