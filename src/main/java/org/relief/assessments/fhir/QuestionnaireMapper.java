package org.relief.assessments.fhir;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemComponent;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemType;
import org.relief.assessments.Instrument;
import org.relief.assessments.Item;

/**
 * One of Relief's instruments as a FHIR R4 {@code Questionnaire}. Pure functions.
 *
 * <p>The Questionnaire's id is the instrument's code ({@code phq9}); its canonical URL is {@link
 * #CANONICAL} plus that code, its version the instrument's ({@link #version}). Each item is an
 * {@code integer} whose answer options are the whole numbers the item accepts; the text is Relief's
 * neutral label (the licensed wording is not shipped). LOINC codes appear only where
 * clinical-rules.md gives them with status S or S2: the PHQ-9 and GAD-7 panels and PHQ-9 items
 * (§3.6, §3.7, §5a), and the NRS item (§3.5). An item is {@code required} when scoring refuses the
 * answers without it.
 */
public final class QuestionnaireMapper {

  /** Canonical URLs of Relief's Questionnaires: this plus the instrument's code. */
  public static final String CANONICAL = "https://relief.health/fhir/Questionnaire/";

  /** The only version of a Questionnaire resource: instruments change by their own version. */
  static final String VERSION_ID = "1";

  /** LOINC panels (clinical-rules.md §3.6, §3.7, §5a). */
  static final Map<String, String> LOINC_OF_PANEL = Map.of("phq9", "44249-1", "gad7", "69737-5");

  /** LOINC of items, by instrument then item key (clinical-rules.md §3.5, §3.6). */
  static final Map<String, Map<String, String>> LOINC_OF_ITEM =
      Map.of(
          "nrs",
          Map.of("1", "72514-3"),
          "phq9",
          Map.of(
              "1", "44250-9",
              "2", "44255-8",
              "3", "44259-0",
              "4", "44254-1",
              "5", "44251-7",
              "6", "44258-2",
              "7", "44252-5",
              "8", "44253-3",
              "9", "44260-8"));

  private QuestionnaireMapper() {}

  /** The canonical URL of an instrument's Questionnaire. */
  public static String canonical(String instrument) {
    return CANONICAL + instrument;
  }

  /**
   * The instrument a canonical reference names ({@code url} or {@code url|version}), if it is one
   * of Relief's.
   */
  public static Optional<String> instrumentOf(String canonical) {
    if (canonical == null) {
      return Optional.empty();
    }
    String url =
        canonical.contains("|") ? canonical.substring(0, canonical.indexOf('|')) : canonical;
    if (!url.startsWith(CANONICAL) || url.length() == CANONICAL.length()) {
      return Optional.empty();
    }
    return Optional.of(url.substring(CANONICAL.length()));
  }

  /** The version a canonical reference asks for, if any. */
  public static Optional<String> versionOf(String canonical) {
    return canonical != null && canonical.contains("|")
        ? Optional.of(canonical.substring(canonical.indexOf('|') + 1))
        : Optional.empty();
  }

  /**
   * An instrument version as a canonical version: no spaces or {@code |}, so that {@code
   * url|version} stays a valid canonical ({@code 7-point (Guy 1976)} → {@code 7-point-Guy-1976}).
   */
  public static String version(String instrumentVersion) {
    return instrumentVersion.replaceAll("[^A-Za-z0-9.\\-]+", "-").replaceAll("^-+|-+$", "");
  }

  /** A computer-friendly name: the short name's letters and digits ({@code PHQ-9} → PHQ9). */
  static String name(Instrument instrument) {
    String name = instrument.shortName().replaceAll("[^A-Za-z0-9]", "");
    if (name.isEmpty() || !Character.isLetter(name.charAt(0))) {
      name = "Instrument" + name;
    }
    return name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
  }

  /**
   * The instrument as a Questionnaire.
   *
   * @param required keys of the items without which the answers do not score
   */
  public static Questionnaire toFhir(Instrument instrument, Set<String> required) {
    Questionnaire q = new Questionnaire();
    q.setId(new IdType("Questionnaire", instrument.code(), VERSION_ID));
    q.getMeta().setVersionId(VERSION_ID);
    q.setUrl(canonical(instrument.code()));
    q.setVersion(version(instrument.version()));
    q.setName(name(instrument));
    q.setTitle(instrument.name());
    q.setStatus(PublicationStatus.ACTIVE);
    q.setExperimental(false);
    q.addSubjectType("Patient");
    q.setPublisher("Relief");
    q.setDescription(description(instrument));
    if (instrument.licence() != null && !instrument.licence().isBlank()) {
      q.setCopyright(instrument.licence());
    }
    String panel = LOINC_OF_PANEL.get(instrument.code());
    if (panel != null) {
      q.addCode(new Coding(ObservationMapper.LOINC, panel, null));
    }
    Map<String, String> itemCodes = LOINC_OF_ITEM.getOrDefault(instrument.code(), Map.of());
    for (Item item : instrument.items()) {
      QuestionnaireItemComponent qi = q.addItem();
      qi.setLinkId(item.key());
      qi.setPrefix(item.key());
      qi.setText(item.label());
      qi.setType(QuestionnaireItemType.INTEGER);
      qi.setRequired(required.contains(item.key()));
      String loinc = itemCodes.get(item.key());
      if (loinc != null) {
        qi.addCode(new Coding(ObservationMapper.LOINC, loinc, null));
      }
      for (int v = item.min(); v <= item.max(); v++) {
        qi.addAnswerOption().setValue(new IntegerType(v));
      }
    }
    return q;
  }

  private static String description(Instrument instrument) {
    StringBuilder text =
        new StringBuilder(instrument.name())
            .append(", scored by Relief as ")
            .append(instrument.source())
            .append(" describes. Score range ")
            .append(number(instrument.minScore()))
            .append(" to ")
            .append(number(instrument.maxScore()))
            .append('.');
    if (instrument.missingItems() != null && !instrument.missingItems().isBlank()) {
      text.append(" Unanswered items: ").append(instrument.missingItems());
    }
    List<String> unconfirmed = instrument.unconfirmed();
    if (!unconfirmed.isEmpty()) {
      text.append(" Rules unconfirmed — confirm locally: ")
          .append(String.join(", ", unconfirmed))
          .append('.');
    }
    return text.toString();
  }

  private static String number(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
  }
}
