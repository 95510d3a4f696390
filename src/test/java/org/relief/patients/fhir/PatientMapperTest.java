package org.relief.patients.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.junit.jupiter.api.Test;
import org.relief.fhir.FhirClients;
import org.relief.patients.Patient;
import org.relief.patients.Sex;
import org.relief.platform.RuleViolation;
import org.relief.support.FhirValidation;

class PatientMapperTest {

  private static final Patient MARIA =
      new Patient(
          42,
          "MRN-1",
          "Garcia",
          "Maria",
          LocalDate.of(1961, 4, 23),
          Sex.FEMALE,
          "555-0100",
          null,
          "es",
          true,
          2);

  @Test
  void mapsAPatientToValidR4WithItsVersionAndSyntheticLabel() {
    var fhir = PatientMapper.toFhir(MARIA, Instant.parse("2026-11-24T10:00:00Z"));
    assertThat(fhir.getIdElement().getIdPart()).isEqualTo("42");
    assertThat(fhir.getMeta().getVersionId()).isEqualTo("3");
    assertThat(fhir.getMeta().getSecurity()).extracting(Coding::getCode).containsExactly("HTEST");
    assertThat(fhir.getIdentifierFirstRep().getSystem()).isEqualTo(PatientMapper.MRN_SYSTEM);
    assertThat(fhir.getGender()).isEqualTo(AdministrativeGender.FEMALE);
    assertThat(fhir.getBirthDateElement().getValueAsString()).isEqualTo("1961-04-23");
    assertThat(FhirValidation.errors(FhirClients.json(fhir))).isEmpty();
  }

  @Test
  void readsBackTheDetailsItWrote() {
    var details =
        PatientMapper.fromFhir(PatientMapper.toFhir(MARIA, Instant.parse("2026-11-24T10:00:00Z")));
    assertThat(details.mrn()).isEqualTo("MRN-1");
    assertThat(details.familyName()).isEqualTo("Garcia");
    assertThat(details.givenName()).isEqualTo("Maria");
    assertThat(details.birthDate()).isEqualTo(LocalDate.of(1961, 4, 23));
    assertThat(details.sex()).isEqualTo(Sex.FEMALE);
    assertThat(details.phone()).isEqualTo("555-0100");
    assertThat(details.email()).isNull();
    assertThat(details.preferredLanguage()).isEqualTo("es");
  }

  @Test
  void takesTheMrnFromAnIdentifierTypedMrWhenNoneHasReliefsSystem() {
    var fhir = new org.hl7.fhir.r4.model.Patient();
    fhir.addIdentifier().setSystem("http://example.org/ssn").setValue("999-99-9999");
    fhir.addIdentifier()
        .setSystem("http://hospital.example")
        .setType(
            new CodeableConcept().addCoding(new Coding(PatientMapper.IDENTIFIER_TYPES, "MR", null)))
        .setValue("H-77");
    assertThat(PatientMapper.mrn(fhir)).hasValue("H-77");
  }

  @Test
  void leavesWhatIsMissingEmptyForTheRegistryToRefuse() {
    var details = PatientMapper.fromFhir(new org.hl7.fhir.r4.model.Patient());
    assertThat(details.mrn()).isNull();
    assertThat(details.familyName()).isNull();
    assertThat(details.givenName()).isNull();
    assertThat(details.birthDate()).isNull();
    assertThat(details.sex()).isNull();
  }

  @Test
  void refusesABirthDateWithoutTheDay() {
    var fhir = new org.hl7.fhir.r4.model.Patient();
    fhir.setBirthDateElement(new DateType("1961-04"));
    assertThatThrownBy(() -> PatientMapper.fromFhir(fhir))
        .isInstanceOfSatisfying(
            RuleViolation.class, e -> assertThat(e.code()).isEqualTo("partial-birth-date"));
  }

  @Test
  void versionIdsStartAtOneAndRefuseWhatReliefNeverIssued() {
    assertThat(PatientMapper.versionId(0)).isEqualTo("1");
    assertThat(PatientMapper.version("1")).hasValue(0);
    assertThat(PatientMapper.version("0")).isEmpty();
    assertThat(PatientMapper.version("abc")).isEmpty();
  }
}
