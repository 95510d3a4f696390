package org.relief.patients.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relief.fhir.FhirClients;
import org.relief.support.FhirValidation;
import org.relief.support.ReliefIntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Diagnoses as FHIR Conditions, through HAPI's generic client. */
@ReliefIntegrationTest
class ConditionFhirApiTest {

  @LocalServerPort int port;

  IGenericClient fhir;
  String patientId;

  @BeforeEach
  void patient() {
    fhir = FhirClients.full(port);
    patientId =
        fhir.create()
            .resource(
                PatientFhirApiTest.patient(
                    PatientFhirApiTest.uniqueMrn(), "Diagnosed", "Dee", "1959-09-09"))
            .execute()
            .getId()
            .getIdPart();
  }

  Condition condition(String system, String code) {
    Condition c = new Condition();
    c.setCode(new CodeableConcept().addCoding(new Coding(system, code, null)));
    c.setSubject(new Reference("Patient/" + patientId));
    c.setOnset(new DateTimeType("2024-05-01"));
    return c;
  }

  @Test
  void createsAnIcd10DiagnosisAndFindsItByPatientAndCode() {
    var created = fhir.create().resource(condition(ConditionMapper.ICD10CM, "M54.16")).execute();
    Condition read =
        fhir.read().resource(Condition.class).withId(created.getId().getIdPart()).execute();
    assertThat(read.getCode().getCodingFirstRep().getCode()).isEqualTo("M54.16");
    assertThat(read.getClinicalStatus().getCodingFirstRep().getCode()).isEqualTo("active");
    assertThat(FhirValidation.errors(FhirClients.json(read))).isEmpty();

    Bundle found =
        fhir.search()
            .forResource(Condition.class)
            .where(Condition.PATIENT.hasId("Patient/" + patientId))
            .and(Condition.CODE.exactly().systemAndCode(ConditionMapper.ICD10CM, "M54.16"))
            .returnBundle(Bundle.class)
            .execute();
    assertThat(found.getEntry()).hasSize(1);
  }

  @Test
  void filesAChronicPainSnomedFindingUnderItsIcd10Code() {
    var created = fhir.create().resource(condition(ConditionMapper.SNOMED, "82423001")).execute();
    Condition read =
        fhir.read().resource(Condition.class).withId(created.getId().getIdPart()).execute();
    assertThat(read.getCode().getCodingFirstRep().getCode()).isEqualTo("G89.29");
  }

  @Test
  void refusesCodesOutsideThePainSubsetAndFutureOnsets() {
    assertThatThrownBy(
            () -> fhir.create().resource(condition(ConditionMapper.ICD10CM, "J45.909")).execute())
        .isInstanceOf(UnprocessableEntityException.class);
    Condition future = condition(ConditionMapper.ICD10CM, "M54.2");
    future.setOnset(new DateTimeType("2999-01-01"));
    assertThatThrownBy(() -> fhir.create().resource(future).execute())
        .isInstanceOf(UnprocessableEntityException.class);
  }

  @Test
  void aPatientOnlyTokenCannotReadConditions() {
    var created = fhir.create().resource(condition(ConditionMapper.ICD10CM, "M54.2")).execute();
    IGenericClient patientOnly = FhirClients.withScopes(port, "system/Patient.rs");
    assertThatThrownBy(
            () ->
                patientOnly
                    .read()
                    .resource(Condition.class)
                    .withId(created.getId().getIdPart())
                    .execute())
        .isInstanceOf(ForbiddenOperationException.class);
  }
}
