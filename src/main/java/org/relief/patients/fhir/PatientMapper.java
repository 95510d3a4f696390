package org.relief.patients.fhir;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.Optional;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.relief.patients.Patient;
import org.relief.patients.PatientDetails;
import org.relief.patients.Sex;
import org.relief.platform.RuleViolation;

/**
 * Relief's patient as a FHIR R4 {@code Patient} and back. Pure functions: no database, no clock.
 *
 * <p>The MRN is the identifier with {@link #MRN_SYSTEM} (typed {@code MR}); a synthetic patient
 * carries the security label {@code HTEST} (test health data). The FHIR versionId is the registry's
 * optimistic-lock version plus one, so that the first version is 1.
 */
public final class PatientMapper {

  /** The identifier system of Relief's medical record numbers. */
  public static final String MRN_SYSTEM = "https://relief.health/fhir/sid/mrn";

  static final String IDENTIFIER_TYPES = "http://terminology.hl7.org/CodeSystem/v2-0203";
  static final String ACT_REASON = "http://terminology.hl7.org/CodeSystem/v3-ActReason";
  static final String LANGUAGES = "urn:ietf:bcp:47";

  private PatientMapper() {}

  /** The FHIR Patient for one stored version. */
  public static org.hl7.fhir.r4.model.Patient toFhir(Patient p, Instant lastUpdated) {
    var fhir = new org.hl7.fhir.r4.model.Patient();
    fhir.setId(
        new org.hl7.fhir.r4.model.IdType("Patient", Long.toString(p.id()), versionId(p.version())));
    fhir.getMeta().setVersionId(versionId(p.version())).setLastUpdated(Date.from(lastUpdated));
    if (p.synthetic()) {
      fhir.getMeta().addSecurity(ACT_REASON, "HTEST", "test health data");
    }
    fhir.addIdentifier()
        .setUse(Identifier.IdentifierUse.USUAL)
        .setType(new CodeableConcept().addCoding(new Coding(IDENTIFIER_TYPES, "MR", null)))
        .setSystem(MRN_SYSTEM)
        .setValue(p.mrn());
    fhir.addName()
        .setUse(HumanName.NameUse.OFFICIAL)
        .setFamily(p.familyName())
        .addGiven(p.givenName());
    fhir.setGender(gender(p.sex()));
    fhir.setBirthDateElement(new DateType(p.birthDate().toString()));
    if (p.phone() != null) {
      fhir.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(p.phone());
    }
    if (p.email() != null) {
      fhir.addTelecom().setSystem(ContactPoint.ContactPointSystem.EMAIL).setValue(p.email());
    }
    fhir.addCommunication()
        .setLanguage(
            new CodeableConcept().addCoding(new Coding(LANGUAGES, p.preferredLanguage(), null)))
        .setPreferred(true);
    return fhir;
  }

  /**
   * The registry details a FHIR Patient gives. What the registry requires but the resource lacks is
   * left empty, so that the registry refuses it with its own message.
   */
  public static PatientDetails fromFhir(org.hl7.fhir.r4.model.Patient fhir) {
    HumanName name =
        fhir.getName().stream()
            .filter(n -> n.getUse() == HumanName.NameUse.OFFICIAL)
            .findFirst()
            .orElse(fhir.getNameFirstRep());
    String given =
        name.getGiven().isEmpty()
            ? null
            : String.join(
                " ",
                name.getGiven().stream().map(g -> g.getValue()).filter(v -> v != null).toList());
    return new PatientDetails(
        mrn(fhir).orElse(null),
        name.getFamily(),
        given == null || given.isBlank() ? null : given,
        birthDate(fhir),
        fhir.hasGender() ? sex(fhir.getGender()) : null,
        telecom(fhir, ContactPoint.ContactPointSystem.PHONE),
        telecom(fhir, ContactPoint.ContactPointSystem.EMAIL),
        language(fhir));
  }

  /** The MRN: the identifier with Relief's system, else the one typed {@code MR}. */
  public static Optional<String> mrn(org.hl7.fhir.r4.model.Patient fhir) {
    Optional<String> ours =
        fhir.getIdentifier().stream()
            .filter(i -> MRN_SYSTEM.equals(i.getSystem()) && i.hasValue())
            .map(Identifier::getValue)
            .findFirst();
    if (ours.isPresent()) {
      return ours;
    }
    return fhir.getIdentifier().stream()
        .filter(i -> i.hasValue() && i.getType().hasCoding(IDENTIFIER_TYPES, "MR"))
        .map(Identifier::getValue)
        .map(PatientMapper::fitted)
        .findFirst();
  }

  private static final java.util.regex.Pattern UUID =
      java.util.regex.Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  /**
   * Another system's MRN as Relief keeps it: unchanged, except that a UUID (Synthea's, 36
   * characters, longer than Relief's 20) becomes {@code U} and its first 19 hex digits (76 bits;
   * decision 0027).
   */
  static String fitted(String mrn) {
    if (UUID.matcher(mrn).matches()) {
      return "U" + mrn.replace("-", "").substring(0, 19).toUpperCase(java.util.Locale.ROOT);
    }
    return mrn;
  }

  /** The identifier system Synthea gives its synthetic patients. */
  static final String SYNTHEA = "https://github.com/synthetichealth/synthea";

  /** Whether the resource says it is test data: label HTEST, or a Synthea identifier. */
  public static boolean synthetic(org.hl7.fhir.r4.model.Patient fhir) {
    return fhir.getMeta().getSecurity().stream()
            .anyMatch(c -> ACT_REASON.equals(c.getSystem()) && "HTEST".equals(c.getCode()))
        || fhir.getIdentifier().stream().anyMatch(i -> SYNTHEA.equals(i.getSystem()));
  }

  /** FHIR versionId of a registry version. */
  public static String versionId(int version) {
    return Integer.toString(version + 1);
  }

  /** Registry version of a FHIR versionId, empty when it is not one Relief issued. */
  public static Optional<Integer> version(String versionId) {
    try {
      int v = Integer.parseInt(versionId);
      return v >= 1 ? Optional.of(v - 1) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  static AdministrativeGender gender(Sex sex) {
    return switch (sex) {
      case FEMALE -> AdministrativeGender.FEMALE;
      case MALE -> AdministrativeGender.MALE;
      case OTHER -> AdministrativeGender.OTHER;
      case UNKNOWN -> AdministrativeGender.UNKNOWN;
    };
  }

  static Sex sex(AdministrativeGender gender) {
    return switch (gender) {
      case FEMALE -> Sex.FEMALE;
      case MALE -> Sex.MALE;
      case OTHER -> Sex.OTHER;
      case UNKNOWN, NULL -> Sex.UNKNOWN;
    };
  }

  private static LocalDate birthDate(org.hl7.fhir.r4.model.Patient fhir) {
    if (!fhir.hasBirthDate()) {
      return null;
    }
    DateType date = fhir.getBirthDateElement();
    if (date.getPrecision() != ca.uhn.fhir.model.api.TemporalPrecisionEnum.DAY) {
      throw new RuleViolation(
          "partial-birth-date", "Give the full date of birth (year, month and day).");
    }
    return LocalDate.of(date.getYear(), date.getMonth() + 1, date.getDay());
  }

  private static String telecom(
      org.hl7.fhir.r4.model.Patient fhir, ContactPoint.ContactPointSystem system) {
    return fhir.getTelecom().stream()
        .filter(t -> t.getSystem() == system && t.hasValue())
        .map(ContactPoint::getValue)
        .findFirst()
        .orElse(null);
  }

  private static String language(org.hl7.fhir.r4.model.Patient fhir) {
    return fhir.getCommunication().stream()
        .filter(c -> c.getLanguage().hasCoding())
        .sorted((a, b) -> Boolean.compare(b.getPreferred(), a.getPreferred()))
        .map(c -> c.getLanguage().getCodingFirstRep().getCode())
        .findFirst()
        .orElse(null);
  }
}
