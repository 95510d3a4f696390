package org.relief.assessments.fhir;

import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;

/**
 * A scored instrument as a FHIR R4 {@code Observation} (category {@code survey}). Pure functions.
 *
 * <p>Every Observation carries Relief's instrument code; the LOINC code is added where
 * clinical-rules.md §5a and §3 give one with status S or S2. PROMIS pain interference (two
 * conflicting LOINC codes, §5a), ORT, PCS, DN4 and PGIC (no confirmed LOINC) carry Relief's code
 * only. BPI-SF's main score is pain severity (decision 0009), whose LOINC is U; its interference
 * subscore is a component coded 77565-0.
 */
public final class ObservationMapper {

  public static final String LOINC = "http://loinc.org";
  public static final String INSTRUMENTS = "https://relief.health/fhir/CodeSystem/instrument";
  static final String CATEGORIES = "http://terminology.hl7.org/CodeSystem/observation-category";
  static final String UCUM = "http://unitsofmeasure.org";
  static final String ABSENT = "http://terminology.hl7.org/CodeSystem/data-absent-reason";

  /** LOINC of each instrument's main score (clinical-rules.md §5a, §3). */
  static final Map<String, String> LOINC_OF_SCORE =
      Map.of(
          "nrs", "72514-3",
          "odi", "97908-8",
          "ndi", "82226-2",
          "peg", "91147-9",
          "phq9", "44261-6",
          "gad7", "70274-6",
          "startback", "91351-7");

  /** LOINC of subscores (instrument.subscore), clinical-rules.md §3.3. */
  static final Map<String, String> LOINC_OF_SUBSCORE = Map.of("bpi-sf.interference", "77565-0");

  /**
   * One version of a stored scored result; {@code status} is the FHIR Observation status ({@code
   * final}, or {@code amended}/{@code corrected} after a correction, decision 0077).
   */
  public record ScoredResult(
      long id,
      long patientId,
      String instrument,
      String instrumentName,
      Instant scoredAt,
      Double score,
      String band,
      Map<String, Double> subscores,
      int version,
      String status,
      Instant lastUpdated) {

    /** A result never corrected: version 1, final, last updated when it was scored. */
    public ScoredResult(
        long id,
        long patientId,
        String instrument,
        String instrumentName,
        Instant scoredAt,
        Double score,
        String band,
        Map<String, Double> subscores) {
      this(
          id,
          patientId,
          instrument,
          instrumentName,
          scoredAt,
          score,
          band,
          subscores,
          1,
          "final",
          scoredAt);
    }
  }

  private ObservationMapper() {}

  public static Observation toFhir(ScoredResult r) {
    Observation o = new Observation();
    String version = Integer.toString(r.version());
    o.setId(new IdType("Observation", Long.toString(r.id()), version));
    o.getMeta().setVersionId(version).setLastUpdated(Date.from(r.lastUpdated()));
    o.setStatus(Observation.ObservationStatus.fromCode(r.status()));
    o.addCategory(new CodeableConcept().addCoding(new Coding(CATEGORIES, "survey", "Survey")));
    CodeableConcept code = new CodeableConcept();
    loincOf(r.instrument()).ifPresent(l -> code.addCoding(new Coding(LOINC, l, null)));
    code.addCoding(new Coding(INSTRUMENTS, r.instrument(), r.instrumentName()));
    code.setText(r.instrumentName());
    o.setCode(code);
    o.setSubject(new Reference("Patient/" + r.patientId()));
    o.setEffective(new DateTimeType(Date.from(r.scoredAt())));
    o.setIssued(Date.from(r.lastUpdated()));
    if (r.score() != null) {
      o.setValue(quantity(r.instrument(), r.score()));
    } else {
      o.setDataAbsentReason(
          new CodeableConcept()
              .addCoding(new Coding(ABSENT, "not-a-number", "Not a Number (NaN)")));
    }
    if (r.band() != null) {
      o.addInterpretation(new CodeableConcept().setText(r.band()));
    }
    r.subscores()
        .forEach(
            (name, value) -> {
              String key = r.instrument() + "." + name;
              CodeableConcept part = new CodeableConcept();
              String loinc = LOINC_OF_SUBSCORE.get(key);
              if (loinc != null) {
                part.addCoding(new Coding(LOINC, loinc, null));
              }
              part.addCoding(new Coding(INSTRUMENTS, key, null)).setText(name);
              o.addComponent().setCode(part).setValue(score(value));
            });
    return o;
  }

  /** The LOINC code of an instrument's main score, if it has a confirmed one. */
  public static Optional<String> loincOf(String instrument) {
    return Optional.ofNullable(LOINC_OF_SCORE.get(instrument));
  }

  /** The instrument a LOINC code names, if Relief keeps it. */
  public static Optional<String> instrumentOfLoinc(String loinc) {
    if (LOINC_OF_SUBSCORE.containsValue(loinc)) {
      return Optional.of("bpi-sf");
    }
    return LOINC_OF_SCORE.entrySet().stream()
        .filter(e -> e.getValue().equals(loinc))
        .map(Map.Entry::getKey)
        .findFirst();
  }

  private static Quantity quantity(String instrument, double value) {
    return instrument.equals("odi") || instrument.equals("ndi")
        ? new Quantity().setValue(value).setUnit("%").setSystem(UCUM).setCode("%")
        : score(value);
  }

  private static Quantity score(double value) {
    return new Quantity().setValue(value).setUnit("{score}").setSystem(UCUM).setCode("{score}");
  }
}
