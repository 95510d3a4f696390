package org.relief.patients.fhir;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Reference;
import org.relief.patients.diagnoses.Diagnosis;
import org.relief.patients.diagnoses.DiagnosisRank;
import org.relief.patients.diagnoses.DiagnosisStatus;

/**
 * A diagnosis (ICD-10-CM code of the curated pain subset, clinical-rules.md §5b) as a FHIR R4
 * {@code Condition} on the problem list, and the ICD-10-CM code a FHIR Condition names. Pure.
 *
 * <p>Incoming SNOMED CT pain findings that Synthea and other systems send are translated with the
 * small table {@link #ICD10_OF_SNOMED} (decision 0027; the SNOMED codes are §5c rows, the
 * translation is Relief's and, like every §5b code, unconfirmed).
 */
public final class ConditionMapper {

  public static final String ICD10CM = "http://hl7.org/fhir/sid/icd-10-cm";
  public static final String SNOMED = "http://snomed.info/sct";
  static final String CLINICAL = "http://terminology.hl7.org/CodeSystem/condition-clinical";
  static final String VERIFICATION = "http://terminology.hl7.org/CodeSystem/condition-ver-status";
  static final String CATEGORY = "http://terminology.hl7.org/CodeSystem/condition-category";
  static final String RANK = "https://relief.health/fhir/CodeSystem/diagnosis-rank";

  /** SNOMED CT pain findings (§5c) and the §5b ICD-10-CM code Relief files them under. */
  static final Map<String, String> ICD10_OF_SNOMED =
      Map.of(
          "82423001", "G89.29", // Chronic pain (finding) → Other chronic pain
          "278860009", "M54.50", // Chronic low back pain → Low back pain, unspecified
          "279039007", "M54.50", // Low back pain → Low back pain, unspecified
          "134407002", "M54.50", // Chronic back pain → Low back pain, unspecified
          "1121000119107", "M54.2", // Chronic neck pain → Cervicalgia
          "128200000", "G90.50"); // Complex regional pain syndrome → CRPS I, unspecified

  private ConditionMapper() {}

  /** The diagnosis as it is at {@code version} (FHIR versionId), last changed at that instant. */
  public static Condition toFhir(Diagnosis d, int version, Instant lastUpdated) {
    Condition c = new Condition();
    c.setId(new IdType("Condition", Long.toString(d.id()), Integer.toString(version)));
    c.getMeta().setVersionId(Integer.toString(version));
    c.getMeta().setLastUpdated(Date.from(lastUpdated));
    c.setClinicalStatus(
        new CodeableConcept()
            .addCoding(
                new Coding(
                    CLINICAL, d.status() == DiagnosisStatus.ACTIVE ? "active" : "resolved", null)));
    c.setVerificationStatus(
        new CodeableConcept()
            .addCoding(
                new Coding(
                    VERIFICATION,
                    d.status() == DiagnosisStatus.RULED_OUT ? "refuted" : "confirmed",
                    null)));
    c.addCategory(
        new CodeableConcept()
            .addCoding(new Coding(CATEGORY, "problem-list-item", "Problem List Item")));
    c.addCategory(
        new CodeableConcept()
            .addCoding(new Coding(RANK, d.rank().name().toLowerCase(java.util.Locale.ROOT), null)));
    c.setCode(
        new CodeableConcept()
            .addCoding(new Coding(ICD10CM, d.code().code(), d.code().description()))
            .setText(d.code().description()));
    c.setSubject(new Reference("Patient/" + d.patientId()));
    if (d.onsetDate() != null) {
      c.setOnset(new DateTimeType(d.onsetDate().toString()));
    }
    return c;
  }

  /** A FHIR versionId as Relief issues them (1, 2, ...); empty for any other. */
  public static Optional<Integer> version(String versionId) {
    try {
      int v = Integer.parseInt(versionId);
      return v >= 1 ? Optional.of(v) : Optional.empty();
    } catch (NumberFormatException | NullPointerException e) {
      return Optional.empty();
    }
  }

  /** The ICD-10-CM code a Condition names directly, or through a known SNOMED CT pain finding. */
  public static Optional<String> icd10(Condition c) {
    for (Coding coding : c.getCode().getCoding()) {
      if (ICD10CM.equals(coding.getSystem()) && coding.hasCode()) {
        return Optional.of(coding.getCode());
      }
    }
    for (Coding coding : c.getCode().getCoding()) {
      if (SNOMED.equals(coding.getSystem()) && ICD10_OF_SNOMED.containsKey(coding.getCode())) {
        return Optional.of(ICD10_OF_SNOMED.get(coding.getCode()));
      }
    }
    return Optional.empty();
  }

  /** Refuted → ruled out; inactive, remission or resolved → resolved; otherwise active. */
  public static DiagnosisStatus status(Condition c) {
    if (c.getVerificationStatus().hasCoding(VERIFICATION, "refuted")) {
      return DiagnosisStatus.RULED_OUT;
    }
    for (String ended : new String[] {"inactive", "remission", "resolved"}) {
      if (c.getClinicalStatus().hasCoding(CLINICAL, ended)) {
        return DiagnosisStatus.RESOLVED;
      }
    }
    return c.hasAbatement() ? DiagnosisStatus.RESOLVED : DiagnosisStatus.ACTIVE;
  }

  /** Primary only when the Condition says so with Relief's rank category. */
  public static DiagnosisRank rank(Condition c) {
    return c.getCategory().stream().anyMatch(k -> k.hasCoding(RANK, "primary"))
        ? DiagnosisRank.PRIMARY
        : DiagnosisRank.SECONDARY;
  }

  /** The onset day (UTC) of an onset given as a date or date-time. */
  public static LocalDate onset(Condition c) {
    if (!c.hasOnsetDateTimeType() || c.getOnsetDateTimeType().getValue() == null) {
      return null;
    }
    return c.getOnsetDateTimeType().getValue().toInstant().atZone(ZoneOffset.UTC).toLocalDate();
  }
}
