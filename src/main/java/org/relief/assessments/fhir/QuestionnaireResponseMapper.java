package org.relief.assessments.fhir;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemAnswerComponent;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseStatus;
import org.hl7.fhir.r4.model.Reference;
import org.relief.assessments.Instrument;
import org.relief.assessments.InvalidAnswers;
import org.relief.assessments.Item;
import org.relief.assessments.questionnaires.AnswerSheets;
import org.relief.assessments.questionnaires.AnswerSheets.AnswerSheet;
import org.relief.fhir.SearchPage;
import org.relief.platform.RuleViolation;

/**
 * An answer sheet as a FHIR R4 {@code QuestionnaireResponse}, and a QuestionnaireResponse read into
 * the answers Relief keeps. Pure functions. Reading refuses, with a message naming the item,
 * everything Relief cannot keep as given: an item the instrument does not have, nested items, more
 * than one answer, an answer that is not a whole number in the item's range, a required item left
 * out of a completed response.
 */
public final class QuestionnaireResponseMapper {

  static final String VERSION_ID = "1";

  /** A QuestionnaireResponse as Relief keeps it; {@code answers} null for a skipped item. */
  public record Given(
      String instrument,
      long patientId,
      String status,
      Instant authored,
      Map<String, Integer> answers,
      String identifierSystem,
      String identifierValue) {}

  private QuestionnaireResponseMapper() {}

  /**
   * The sheet as a QuestionnaireResponse; {@code instrument} gives the item texts (null if the
   * instrument is no longer in the library).
   */
  public static QuestionnaireResponse toFhir(AnswerSheet sheet, Instrument instrument) {
    QuestionnaireResponse r = new QuestionnaireResponse();
    r.setId(new IdType("QuestionnaireResponse", Long.toString(sheet.id()), VERSION_ID));
    r.getMeta().setVersionId(VERSION_ID).setLastUpdated(Date.from(sheet.recordedAt()));
    if (sheet.identifierValue() != null) {
      r.getIdentifier().setSystem(sheet.identifierSystem()).setValue(sheet.identifierValue());
    }
    r.setQuestionnaire(
        QuestionnaireMapper.canonical(sheet.instrument())
            + "|"
            + QuestionnaireMapper.version(sheet.instrumentVersion()));
    r.setStatus(
        AnswerSheets.COMPLETED.equals(sheet.status())
            ? QuestionnaireResponseStatus.COMPLETED
            : QuestionnaireResponseStatus.INPROGRESS);
    r.setSubject(new Reference("Patient/" + sheet.patientId()));
    r.setAuthoredElement(new DateTimeType(Date.from(sheet.authored())));
    sheet
        .answers()
        .forEach(
            (key, value) -> {
              if (value == null) {
                return;
              }
              QuestionnaireResponseItemComponent item = r.addItem().setLinkId(key);
              if (instrument != null) {
                instrument.item(key).ifPresent(i -> item.setText(i.label()));
              }
              item.addAnswer().setValue(new IntegerType(value));
            });
    return r;
  }

  /**
   * The answers of a QuestionnaireResponse for an instrument. {@code patientId} and {@code
   * authored} were resolved by the caller (they need the registry and the clock).
   *
   * @throws RuleViolation naming the item for anything Relief cannot keep as given
   */
  public static Given fromFhir(
      QuestionnaireResponse resource,
      Instrument instrument,
      long patientId,
      Instant authored,
      java.util.Set<String> required) {
    String status = status(resource);
    Map<String, Integer> answers = new LinkedHashMap<>();
    for (QuestionnaireResponseItemComponent given : resource.getItem()) {
      String key = given.getLinkId();
      Item item =
          instrument
              .item(key == null ? "" : key)
              .orElseThrow(
                  () ->
                      new InvalidAnswers(
                          InvalidAnswers.UNKNOWN_ITEM,
                          instrument.shortName()
                              + " has no item '"
                              + key
                              + "'; its items are "
                              + String.join(
                                  ", ", instrument.items().stream().map(Item::key).toList())
                              + "."));
      String named = instrument.shortName() + " item " + key + " (" + item.label() + ")";
      if (answers.containsKey(key)) {
        throw new InvalidAnswers("duplicate-item", named + " is answered twice.");
      }
      if (given.hasItem() || given.getAnswer().stream().anyMatch(a -> a.hasItem())) {
        throw new InvalidAnswers(
            "nested-item", named + " has nested items; Relief's instruments have none.");
      }
      if (given.getAnswer().size() > 1) {
        throw new InvalidAnswers("one-answer-per-item", named + " takes one answer.");
      }
      Integer value = given.hasAnswer() ? wholeNumber(given.getAnswerFirstRep(), named) : null;
      if (value != null && (value < item.min() || value > item.max())) {
        throw new InvalidAnswers(
            InvalidAnswers.OUT_OF_RANGE,
            named
                + ": the answer "
                + value
                + " is out of range; answer "
                + item.min()
                + " to "
                + item.max()
                + ".");
      }
      answers.put(key, value);
    }
    if (AnswerSheets.COMPLETED.equals(status)) {
      for (Item item : instrument.items()) {
        if (required.contains(item.key()) && answers.get(item.key()) == null) {
          throw new InvalidAnswers(
              "required-item-missing",
              instrument.shortName()
                  + " item "
                  + item.key()
                  + " ("
                  + item.label()
                  + ") is required to score a completed response.");
        }
      }
    }
    String system = null;
    String value = null;
    if (resource.hasIdentifier() && resource.getIdentifier().hasValue()) {
      system = resource.getIdentifier().getSystem();
      value = resource.getIdentifier().getValue();
    }
    return new Given(instrument.code(), patientId, status, authored, answers, system, value);
  }

  /** The subject's patient ID, if the reference is {@code Patient/<Relief ID>}. */
  public static Optional<Long> patientOf(Reference subject) {
    if (subject == null || !subject.hasReference()) {
      return Optional.empty();
    }
    IdType ref = new IdType(subject.getReference());
    if (!"Patient".equals(ref.getResourceType())) {
      return Optional.empty();
    }
    return SearchPage.numericId(ref.getIdPart());
  }

  private static String status(QuestionnaireResponse resource) {
    if (!resource.hasStatus()) {
      throw new RuleViolation(
          "response-status", "Give the response's status: completed or in-progress.");
    }
    return switch (resource.getStatus()) {
      case COMPLETED -> AnswerSheets.COMPLETED;
      case INPROGRESS -> AnswerSheets.IN_PROGRESS;
      default ->
          throw new RuleViolation(
              "response-status",
              "Relief takes responses completed or in-progress, not "
                  + resource.getStatus().toCode()
                  + ".");
    };
  }

  private static Integer wholeNumber(
      QuestionnaireResponseItemAnswerComponent answer, String named) {
    if (answer.hasValueIntegerType() && answer.getValueIntegerType().getValue() != null) {
      return answer.getValueIntegerType().getValue();
    }
    if (answer.hasValueDecimalType() && answer.getValueDecimalType().getValue() != null) {
      BigDecimal d = answer.getValueDecimalType().getValue();
      if (d.stripTrailingZeros().scale() <= 0) {
        try {
          return d.intValueExact();
        } catch (ArithmeticException e) {
          // answered below
        }
      }
    }
    if (answer.hasValueCoding() && answer.getValueCoding().hasCode()) {
      try {
        return Integer.valueOf(answer.getValueCoding().getCode());
      } catch (NumberFormatException e) {
        // answered below
      }
    }
    throw new InvalidAnswers(
        InvalidAnswers.NOT_A_WHOLE_NUMBER, named + ": give the answer as a whole number.");
  }
}
