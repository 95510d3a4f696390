package org.relief.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.util.concurrent.atomic.AtomicInteger;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relief.support.FhirValidation;
import org.relief.support.ReliefIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Transaction and batch Bundles on POST /fhir. */
@ReliefIntegrationTest
class BundleFhirApiTest {

  private static final AtomicInteger SEQUENCE = new AtomicInteger();
  private static final String PATIENT_URN = "urn:uuid:5f0c1c3e-7f4e-4a7a-9d1e-000000000001";

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  IGenericClient fhir;
  String mrn;

  @BeforeEach
  void client() {
    fhir = FhirClients.full(port);
    mrn = "TX" + (System.nanoTime() % 100_000_000L) + "-" + SEQUENCE.incrementAndGet();
  }

  Patient patient() {
    Patient p = new Patient();
    p.addIdentifier().setSystem("https://relief.health/fhir/sid/mrn").setValue(mrn);
    p.addName().setFamily("Bundled").addGiven("Bo");
    p.setGender(AdministrativeGender.FEMALE);
    p.setBirthDateElement(new org.hl7.fhir.r4.model.DateType("1972-03-04"));
    return p;
  }

  static Observation painScore(String subject, int value) {
    Observation o = new Observation();
    o.setStatus(Observation.ObservationStatus.FINAL);
    o.setCode(new CodeableConcept().addCoding(new Coding("http://loinc.org", "72514-3", null)));
    o.setSubject(new Reference(subject));
    o.setEffective(new DateTimeType("2026-01-02T09:00:00Z"));
    o.setValue(new Quantity().setValue(value));
    return o;
  }

  static Bundle bundle(Bundle.BundleType type, Resource... resources) {
    Bundle b = new Bundle().setType(type);
    for (int i = 0; i < resources.length; i++) {
      Resource r = resources[i];
      b.addEntry()
          .setFullUrl(i == 0 ? PATIENT_URN : "urn:uuid:5f0c1c3e-7f4e-4a7a-9d1e-00000000010" + i)
          .setResource(r)
          .getRequest()
          .setMethod(Bundle.HTTPVerb.POST)
          .setUrl(r.fhirType());
    }
    return b;
  }

  long patientsWithMrn() {
    return jdbc.sql("SELECT count(*) FROM patient WHERE mrn = :mrn")
        .param("mrn", mrn)
        .query(Long.class)
        .single();
  }

  @Test
  void aTransactionCreatesEverythingAndResolvesUrnReferences() {
    Bundle answer =
        fhir.transaction()
            .withBundle(bundle(Bundle.BundleType.TRANSACTION, patient(), painScore(PATIENT_URN, 6)))
            .execute();
    assertThat(answer.getType()).isEqualTo(Bundle.BundleType.TRANSACTIONRESPONSE);
    assertThat(answer.getEntry())
        .extracting(e -> e.getResponse().getStatus())
        .containsExactly("201 Created", "201 Created");
    String patientId = answer.getEntry().get(0).getResponse().getLocation().split("/")[1];
    String observation = answer.getEntry().get(1).getResponse().getLocation();
    Observation read =
        fhir.read().resource(Observation.class).withId(observation.split("/")[1]).execute();
    assertThat(read.getSubject().getReference()).isEqualTo("Patient/" + patientId);
    assertThat(FhirValidation.errors(FhirClients.json(answer))).isEmpty();
  }

  @Test
  void oneBadEntryRollsTheWholeTransactionBack() {
    Bundle bad = bundle(Bundle.BundleType.TRANSACTION, patient(), painScore(PATIENT_URN, 11));
    assertThatThrownBy(() -> fhir.transaction().withBundle(bad).execute())
        .isInstanceOf(UnprocessableEntityException.class)
        .hasMessageContaining("Entry 1");
    assertThat(patientsWithMrn()).isZero();
  }

  @Test
  void aBatchAnswersEachEntryOnItsOwn() {
    Bundle batch = bundle(Bundle.BundleType.BATCH, patient(), painScore("Patient/999999999", 5));
    Bundle answer = fhir.transaction().withBundle(batch).execute();
    assertThat(answer.getType()).isEqualTo(Bundle.BundleType.BATCHRESPONSE);
    assertThat(answer.getEntry().get(0).getResponse().getStatus()).isEqualTo("201 Created");
    assertThat(answer.getEntry().get(1).getResponse().getStatus()).isEqualTo("422");
    assertThat(patientsWithMrn()).isEqualTo(1);
    assertThat(FhirValidation.errors(FhirClients.json(answer))).isEmpty();
  }

  @Test
  void typesReliefDoesNotKeepAreSkippedAndCounted() {
    Encounter visit = new Encounter();
    visit.setStatus(Encounter.EncounterStatus.FINISHED);
    visit.setClass_(new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "AMB", null));
    visit.setSubject(new Reference(PATIENT_URN));
    Observation heartRate = painScore(PATIENT_URN, 1);
    heartRate.setCode(
        new CodeableConcept().addCoding(new Coding("http://loinc.org", "8867-4", null)));
    Bundle answer =
        fhir.transaction()
            .withBundle(bundle(Bundle.BundleType.TRANSACTION, patient(), visit, heartRate))
            .execute();
    assertThat(answer.getEntry().get(0).getResponse().getStatus()).isEqualTo("201 Created");
    assertThat(answer.getEntry().get(1).getResponse().getOutcome()).isNotNull();
    assertThat(answer.getMeta().getTag())
        .singleElement()
        .satisfies(t -> assertThat(t.getCode()).isEqualTo("2"));
    assertThat(patientsWithMrn()).isEqualTo(1);
  }

  @Test
  void eachEntryNeedsItsScopeAndARefusalRollsBack() {
    IGenericClient patientsOnly = FhirClients.withScopes(port, "system/Patient.cruds");
    Bundle both = bundle(Bundle.BundleType.TRANSACTION, patient(), painScore(PATIENT_URN, 3));
    assertThatThrownBy(() -> patientsOnly.transaction().withBundle(both).execute())
        .isInstanceOf(ForbiddenOperationException.class);
    assertThat(patientsWithMrn()).isZero();
  }
}
