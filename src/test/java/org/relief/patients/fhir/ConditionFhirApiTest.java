package org.relief.patients.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.PreconditionFailedException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relief.fhir.FhirClients;
import org.relief.identity.UserAccounts;
import org.relief.platform.Role;
import org.relief.support.FhirValidation;
import org.relief.support.Http;
import org.relief.support.ReliefIntegrationTest;
import org.relief.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Diagnoses as FHIR Conditions, through HAPI's generic client. */
@ReliefIntegrationTest
class ConditionFhirApiTest {

  @LocalServerPort int port;
  @Autowired UserAccounts accounts;
  @Autowired JdbcClient jdbc;

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

  Condition created(String code) {
    var outcome = fhir.create().resource(condition(ConditionMapper.ICD10CM, code)).execute();
    return fhir.read().resource(Condition.class).withId(outcome.getId().getIdPart()).execute();
  }

  static Condition resolved(Condition c) {
    c.setClinicalStatus(
        new CodeableConcept().addCoding(new Coding(ConditionMapper.CLINICAL, "resolved", null)));
    return c;
  }

  Condition updated(Condition c) {
    return (Condition) fhir.update().resource(c).withId(c.getIdElement()).execute().getResource();
  }

  Condition vread(String id, String version) {
    return fhir.read().resource(Condition.class).withIdAndVersion(id, version).execute();
  }

  String chart() {
    Http nurse = Staff.signedIn(accounts, port, Role.NURSE);
    return nurse.get("/patients/" + patientId).body();
  }

  @Test
  void anUpdateWithIfMatchChangesWhatTheChartShowsAndKeepsThePriorVersion() {
    Condition c = created("M54.16");
    assertThat(c.getMeta().getVersionId()).isEqualTo("1");
    assertThat(c.getMeta().getLastUpdated()).isNotNull();
    assertThat(chart()).contains("M54.16", "Secondary, active", "since 2024-05-01");

    resolved(c).setOnset(new DateTimeType("2023-02-03"));
    Condition after = updated(c);
    assertThat(after.getMeta().getVersionId()).isEqualTo("2");
    assertThat(after.getIdElement().getVersionIdPart()).isEqualTo("2");
    assertThat(after.getMeta().getLastUpdated()).isNotNull();
    assertThat(after.getClinicalStatus().getCodingFirstRep().getCode()).isEqualTo("resolved");
    assertThat(chart())
        .contains("M54.16", "Secondary, resolved", "since 2023-02-03")
        .doesNotContain("Secondary, active");

    String id = c.getIdElement().getIdPart();
    Condition first = vread(id, "1");
    Condition second = vread(id, "2");
    assertThat(first.getClinicalStatus().getCodingFirstRep().getCode()).isEqualTo("active");
    assertThat(first.getOnsetDateTimeType().getValueAsString()).isEqualTo("2024-05-01");
    assertThat(first.getMeta().getVersionId()).isEqualTo("1");
    assertThat(second.getClinicalStatus().getCodingFirstRep().getCode()).isEqualTo("resolved");
    assertThat(second.getOnsetDateTimeType().getValueAsString()).isEqualTo("2023-02-03");
    assertThatThrownBy(() -> vread(id, "3")).isInstanceOf(ResourceNotFoundException.class);

    Bundle history =
        fhir.history().onInstance(new IdType("Condition", id)).returnBundle(Bundle.class).execute();
    assertThat(history.getEntry())
        .extracting(e -> e.getResource().getMeta().getVersionId())
        .containsExactly("2", "1");
    for (Condition each : new Condition[] {first, second, after}) {
      assertThat(FhirValidation.errors(FhirClients.json(each))).isEmpty();
    }
    history
        .getEntry()
        .forEach(
            e -> assertThat(FhirValidation.errors(FhirClients.json(e.getResource()))).isEmpty());
    assertThat(audited("UPDATE", id, "SUCCESS")).isEqualTo(1);
    assertThat(audited("READ", id, "SUCCESS")).isGreaterThanOrEqualTo(4);
  }

  @Test
  void theRankCategoryMakesADiagnosisPrimaryOnTheChart() {
    Condition c = created("M54.2");
    c.getCategory().stream()
        .flatMap(k -> k.getCoding().stream())
        .filter(k -> ConditionMapper.RANK.equals(k.getSystem()))
        .forEach(k -> k.setCode("primary"));
    Condition after = updated(c);
    assertThat(after.getCategory()).anyMatch(k -> k.hasCoding(ConditionMapper.RANK, "primary"));
    assertThat(chart()).contains("M54.2", "Primary, active");
  }

  @Test
  void anUpdateAgainstAStaleVersionIsRefusedWith412AndChangesNothing() {
    Condition c = created("M54.16");
    String id = c.getIdElement().getIdPart();
    updated(resolved(c.copy()));

    c.setOnset(new DateTimeType("2020-01-01"));
    assertThatThrownBy(() -> updated(c)).isInstanceOf(PreconditionFailedException.class);
    Condition now = fhir.read().resource(Condition.class).withId(id).execute();
    assertThat(now.getMeta().getVersionId()).isEqualTo("2");
    assertThat(now.getOnsetDateTimeType().getValueAsString()).isEqualTo("2024-05-01");
    assertThat(audited("UPDATE", id, "FAILURE")).isEqualTo(1);
  }

  @Test
  void changingTheCodeOrTheSubjectIsRefusedWith422AndAnOperationOutcome() {
    Condition c = created("M54.16");
    String id = c.getIdElement().getIdPart();
    String otherPatient =
        fhir.create()
            .resource(
                PatientFhirApiTest.patient(
                    PatientFhirApiTest.uniqueMrn(), "Other", "Olga", "1960-06-06"))
            .execute()
            .getId()
            .getIdPart();

    Condition otherCode = c.copy();
    otherCode.getCode().getCodingFirstRep().setCode("M54.2");
    Condition otherSubject = c.copy();
    otherSubject.setSubject(new Reference("Patient/" + otherPatient));
    for (Condition bad : new Condition[] {otherCode, otherSubject}) {
      assertThatThrownBy(() -> updated(bad))
          .isInstanceOfSatisfying(
              UnprocessableEntityException.class,
              e ->
                  assertThat(((OperationOutcome) e.getOperationOutcome()).getIssue()).isNotEmpty());
    }
    Condition future = c.copy();
    future.setOnset(new DateTimeType("2999-01-01"));
    assertThatThrownBy(() -> updated(future)).isInstanceOf(UnprocessableEntityException.class);

    Condition now = fhir.read().resource(Condition.class).withId(id).execute();
    assertThat(now.getMeta().getVersionId()).isEqualTo("1");
    assertThat(now.getCode().getCodingFirstRep().getCode()).isEqualTo("M54.16");
    assertThat(now.getSubject().getReference()).isEqualTo("Patient/" + patientId);
  }

  @Test
  void anUnknownConditionIsNotFoundForUpdateVreadAndHistory() {
    Condition c = created("M54.16");
    c.setId(new IdType("Condition", "987654321"));
    assertThatThrownBy(() -> fhir.update().resource(c).withId("987654321").execute())
        .isInstanceOf(ResourceNotFoundException.class);
    assertThatThrownBy(() -> vread("987654321", "1")).isInstanceOf(ResourceNotFoundException.class);
    assertThatThrownBy(
            () ->
                fhir.history()
                    .onInstance(new IdType("Condition", "987654321"))
                    .returnBundle(Bundle.class)
                    .execute())
        .isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void aReadOnlyTokenCannotUpdateAndAPatientOnlyTokenCannotReadVersions() {
    Condition c = created("M54.16");
    String id = c.getIdElement().getIdPart();
    IGenericClient readOnly = FhirClients.withScopes(port, "system/Condition.rs");
    assertThat(readOnly.read().resource(Condition.class).withIdAndVersion(id, "1").execute())
        .isNotNull();
    assertThatThrownBy(
            () -> readOnly.update().resource(resolved(c)).withId(c.getIdElement()).execute())
        .isInstanceOf(ForbiddenOperationException.class);
    IGenericClient patientOnly = FhirClients.withScopes(port, "system/Patient.rs");
    assertThatThrownBy(
            () ->
                patientOnly
                    .history()
                    .onInstance(new IdType("Condition", id))
                    .returnBundle(Bundle.class)
                    .execute())
        .isInstanceOf(ForbiddenOperationException.class);
    assertThatThrownBy(
            () -> patientOnly.read().resource(Condition.class).withIdAndVersion(id, "1").execute())
        .isInstanceOf(ForbiddenOperationException.class);
    assertThat(fhir.read().resource(Condition.class).withId(id).execute().getMeta().getVersionId())
        .isEqualTo("1");
  }

  @Test
  void metadataListsTheConditionInteractions() {
    var json = Http.json(Http.api(port).get("/fhir/metadata"));
    var interactions = new java.util.ArrayList<String>();
    for (var resource : json.get("rest").get(0).get("resource")) {
      if (resource.get("type").asText().equals("Condition")) {
        resource.get("interaction").forEach(i -> interactions.add(i.get("code").asText()));
      }
    }
    assertThat(interactions)
        .containsExactlyInAnyOrder(
            "read", "vread", "create", "update", "search-type", "history-instance");
  }

  private long audited(String action, String id, String outcome) {
    return jdbc.sql(
            "SELECT count(*) FROM audit_event WHERE action = :a AND object_type = 'Condition'"
                + " AND object_id = :id AND outcome = :o")
        .param("a", action)
        .param("id", id)
        .param("o", outcome)
        .query(Long.class)
        .single();
  }
}
