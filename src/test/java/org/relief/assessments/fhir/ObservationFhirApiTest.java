package org.relief.assessments.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.api.SortOrderEnum;
import ca.uhn.fhir.rest.api.SortSpec;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relief.fhir.FhirClients;
import org.relief.support.FhirValidation;
import org.relief.support.ReliefIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Pain scores and instrument totals as FHIR Observations, through HAPI's generic client. */
@ReliefIntegrationTest
class ObservationFhirApiTest {

  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  IGenericClient fhir;
  String patientId;

  @BeforeEach
  void patient() {
    fhir = FhirClients.full(port);
    Patient p = new Patient();
    p.addIdentifier()
        .setSystem("https://relief.health/fhir/sid/mrn")
        .setValue("OBS" + (System.nanoTime() % 100_000_000L) + "-" + SEQUENCE.incrementAndGet());
    p.addName().setFamily("Painscore").addGiven("Pat");
    p.setGender(AdministrativeGender.MALE);
    p.setBirthDateElement(new org.hl7.fhir.r4.model.DateType("1966-06-06"));
    patientId = fhir.create().resource(p).execute().getId().getIdPart();
  }

  static Observation nrs(String patientId, Number value, String when) {
    Observation o = new Observation();
    o.setStatus(Observation.ObservationStatus.FINAL);
    o.setCode(new CodeableConcept().addCoding(new Coding("http://loinc.org", "72514-3", null)));
    o.setSubject(new Reference("Patient/" + patientId));
    o.setEffective(new DateTimeType(when));
    o.setValue(new Quantity().setValue(value.doubleValue()).setUnit("{score}"));
    return o;
  }

  @Test
  void createsAnNrsPainScoreAndReadsItBackAsValidR4() {
    var created = fhir.create().resource(nrs(patientId, 7, "2026-01-05T10:00:00Z")).execute();
    assertThat(created.getCreated()).isTrue();
    Observation read =
        fhir.read().resource(Observation.class).withId(created.getId().getIdPart()).execute();
    assertThat(read.getCode().getCoding()).extracting(Coding::getCode).contains("72514-3", "nrs");
    assertThat(read.getValueQuantity().getValue().intValue()).isEqualTo(7);
    assertThat(read.getSubject().getReference()).isEqualTo("Patient/" + patientId);
    assertThat(read.getInterpretationFirstRep().getText()).isNotBlank();
    assertThat(FhirValidation.errors(FhirClients.json(read))).isEmpty();
  }

  @Test
  void refusesPainScoresOutsideZeroToTenAndUnknownPatientsWith422() {
    assertThatThrownBy(
            () -> fhir.create().resource(nrs(patientId, 11, "2026-01-05T10:00:00Z")).execute())
        .isInstanceOf(UnprocessableEntityException.class);
    assertThatThrownBy(
            () -> fhir.create().resource(nrs(patientId, 4.5, "2026-01-05T10:00:00Z")).execute())
        .isInstanceOf(UnprocessableEntityException.class);
    assertThatThrownBy(
            () -> fhir.create().resource(nrs("999999999", 3, "2026-01-05T10:00:00Z")).execute())
        .isInstanceOfSatisfying(
            UnprocessableEntityException.class,
            e ->
                assertThat(
                        ((OperationOutcome) e.getOperationOutcome())
                            .getIssueFirstRep()
                            .getDetails()
                            .getCodingFirstRep()
                            .getCode())
                    .isEqualTo("unknown-patient"));
    Observation glucose = nrs(patientId, 5, "2026-01-05T10:00:00Z");
    glucose.setCode(
        new CodeableConcept().addCoding(new Coding("http://loinc.org", "2339-0", null)));
    assertThatThrownBy(() -> fhir.create().resource(glucose).execute())
        .isInstanceOf(UnprocessableEntityException.class);
    assertThat(
            jdbc.sql("SELECT count(*) FROM questionnaire_response WHERE patient_id = :p")
                .param("p", Long.parseLong(patientId))
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void instrumentTotalsCarryTheirLoincCodeAndUnit() {
    jdbc.sql(
            "INSERT INTO questionnaire_response (patient_id, instrument, instrument_version,"
                + " scored_at, score, band, subscores, answered) VALUES (:p, 'odi', '2.1a', :at,"
                + " 32.0, 'moderate', '{}', 10), (:p, 'bpi-sf', 'SF', :at, 5.5, 'moderate',"
                + " '{\"severity\": 5.5, \"interference\": 4.0}', 11)")
        .param("p", Long.parseLong(patientId))
        .param("at", Timestamp.from(Instant.parse("2026-01-03T09:00:00Z")))
        .update();
    Bundle odi =
        fhir.search()
            .forResource(Observation.class)
            .where(Observation.PATIENT.hasId("Patient/" + patientId))
            .and(Observation.CODE.exactly().systemAndCode("http://loinc.org", "97908-8"))
            .returnBundle(Bundle.class)
            .execute();
    assertThat(odi.getEntry()).hasSize(1);
    Observation o = (Observation) odi.getEntryFirstRep().getResource();
    assertThat(o.getValueQuantity().getCode()).isEqualTo("%");
    assertThat(FhirValidation.errors(FhirClients.json(o))).isEmpty();

    Bundle bpi =
        fhir.search()
            .forResource(Observation.class)
            .where(Observation.SUBJECT.hasId("Patient/" + patientId))
            .and(Observation.CODE.exactly().systemAndCode("http://loinc.org", "77565-0"))
            .returnBundle(Bundle.class)
            .execute();
    Observation b = (Observation) bpi.getEntryFirstRep().getResource();
    assertThat(b.getComponent())
        .anySatisfy(
            c -> {
              assertThat(c.getCode().getCodingFirstRep().getCode()).isEqualTo("77565-0");
              assertThat(c.getValueQuantity().getValue().doubleValue()).isEqualTo(4.0);
            });
    assertThat(FhirValidation.errors(FhirClients.json(b))).isEmpty();
  }

  @Test
  void searchesByPatientCodeAndDateRangeSortedByDateWithTheSubjectIncluded() {
    for (String day : List.of("2026-01-01", "2026-01-10", "2026-01-20")) {
      fhir.create().resource(nrs(patientId, 4, day + "T08:00:00Z")).execute();
    }
    Bundle found =
        fhir.search()
            .forResource(Observation.class)
            .where(Observation.PATIENT.hasId("Patient/" + patientId))
            .and(Observation.CODE.exactly().systemAndCode("http://loinc.org", "72514-3"))
            .and(Observation.DATE.afterOrEquals().day("2026-01-05"))
            .and(Observation.STATUS.exactly().code("final"))
            .include(Observation.INCLUDE_SUBJECT)
            .sort(new SortSpec("date", SortOrderEnum.DESC))
            .returnBundle(Bundle.class)
            .execute();
    List<Observation> observations =
        found.getEntry().stream()
            .filter(e -> e.getResource() instanceof Observation)
            .map(e -> (Observation) e.getResource())
            .toList();
    assertThat(observations)
        .extracting(o -> o.getEffectiveDateTimeType().getValueAsString().substring(0, 10))
        .containsExactly("2026-01-20", "2026-01-10");
    assertThat(found.getEntry())
        .filteredOn(e -> e.getResource() instanceof Patient)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.getResource().getIdElement().getIdPart()).isEqualTo(patientId);
              assertThat(e.getSearch().getMode()).isEqualTo(Bundle.SearchEntryMode.INCLUDE);
            });
    assertThat(FhirValidation.errors(FhirClients.json(found))).isEmpty();

    Bundle before =
        fhir.search()
            .forResource(Observation.class)
            .where(Observation.PATIENT.hasId("Patient/" + patientId))
            .and(Observation.DATE.before().day("2026-01-05"))
            .returnBundle(Bundle.class)
            .execute();
    assertThat(before.getEntry()).hasSize(1);
  }

  @Test
  void aPatientOnlyTokenCanNeitherReadNorWriteObservations() {
    var created = fhir.create().resource(nrs(patientId, 2, "2026-01-05T10:00:00Z")).execute();
    IGenericClient patientOnly = FhirClients.withScopes(port, "system/Patient.rs");
    assertThatThrownBy(
            () ->
                patientOnly
                    .read()
                    .resource(Observation.class)
                    .withId(created.getId().getIdPart())
                    .execute())
        .isInstanceOf(ForbiddenOperationException.class);
    assertThatThrownBy(
            () ->
                patientOnly
                    .search()
                    .forResource(Observation.class)
                    .where(Observation.PATIENT.hasId("Patient/" + patientId))
                    .returnBundle(Bundle.class)
                    .execute())
        .isInstanceOf(ForbiddenOperationException.class);
    assertThatThrownBy(
            () ->
                patientOnly.create().resource(nrs(patientId, 3, "2026-01-05T10:00:00Z")).execute())
        .isInstanceOf(ForbiddenOperationException.class);
  }

  @Test
  void includingTheSubjectNeedsPatientRead() {
    IGenericClient observationsOnly = FhirClients.withScopes(port, "system/Observation.rs");
    assertThatThrownBy(
            () ->
                observationsOnly
                    .search()
                    .forResource(Observation.class)
                    .where(Observation.PATIENT.hasId("Patient/" + patientId))
                    .include(Observation.INCLUDE_SUBJECT)
                    .returnBundle(Bundle.class)
                    .execute())
        .isInstanceOf(ForbiddenOperationException.class);
  }
}
