package org.relief.patients.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relief.fhir.FhirClients;
import org.relief.patients.medicationlist.MedicationList;
import org.relief.support.FhirValidation;
import org.relief.support.Http;
import org.relief.support.MutableClock;
import org.relief.support.ReliefIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The medication list as FHIR MedicationStatements, through HAPI's generic client. */
@ReliefIntegrationTest
class MedicationStatementFhirApiTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired MedicationList medications;
  @Autowired MutableClock clock;

  IGenericClient fhir;
  long patientId;

  Instant started;

  @AfterEach
  void resetClock() {
    clock.set(started);
  }

  @BeforeEach
  void patientWithTwoMedications() {
    started = clock.instant();
    fhir = FhirClients.full(port);
    patientId =
        Long.parseLong(
            fhir.create()
                .resource(
                    PatientFhirApiTest.patient(
                        PatientFhirApiTest.uniqueMrn(), "Medicated", "Max", "1950-01-01"))
                .execute()
                .getId()
                .getIdPart());
    insert("oxycodone", "5", "mg", "EVERY_HOURS", 6, LocalDate.of(2020, 1, 1), null);
    insert(
        "fentanyl",
        "25",
        "mcg/h",
        "CONTINUOUS",
        null,
        LocalDate.of(2019, 1, 1),
        LocalDate.of(2019, 6, 1));
  }

  void insert(
      String drug,
      String dose,
      String unit,
      String frequency,
      Integer count,
      LocalDate start,
      LocalDate stop) {
    jdbc.sql(
            "INSERT INTO patient_medication (patient_id, drug, dose, unit, frequency,"
                + " frequency_count, start_date, stop_date, created_at, updated_at) VALUES"
                + " (:p, :drug, CAST(:dose AS numeric), :unit, :frequency, :count, :start, :stop, :now, :now)")
        .param("p", patientId)
        .param("drug", drug)
        .param("dose", dose)
        .param("unit", unit)
        .param("frequency", frequency)
        .param("count", count, java.sql.Types.INTEGER)
        .param("start", Date.valueOf(start))
        .param("stop", stop == null ? null : Date.valueOf(stop), java.sql.Types.DATE)
        .param("now", Timestamp.from(Instant.now()))
        .update();
  }

  @Test
  void listsThePatientsMedicationsAsValidR4WithTheirStatus() {
    Bundle found =
        fhir.search()
            .forResource(MedicationStatement.class)
            .where(MedicationStatement.PATIENT.hasId("Patient/" + patientId))
            .returnBundle(Bundle.class)
            .execute();
    assertThat(found.getEntry()).hasSize(2);
    MedicationStatement oxycodone = (MedicationStatement) found.getEntry().get(0).getResource();
    assertThat(oxycodone.getMedicationCodeableConcept().getText()).isEqualTo("oxycodone");
    assertThat(oxycodone.getStatus())
        .isEqualTo(MedicationStatement.MedicationStatementStatus.ACTIVE);
    assertThat(oxycodone.getDosageFirstRep().getTiming().getRepeat().getPeriod().intValue())
        .isEqualTo(6);
    MedicationStatement fentanyl = (MedicationStatement) found.getEntry().get(1).getResource();
    assertThat(fentanyl.getStatus())
        .isEqualTo(MedicationStatement.MedicationStatementStatus.COMPLETED);
    for (var e : found.getEntry()) {
      assertThat(FhirValidation.errors(FhirClients.json(e.getResource()))).isEmpty();
    }
    MedicationStatement read =
        fhir.read()
            .resource(MedicationStatement.class)
            .withId(oxycodone.getIdElement().getIdPart())
            .execute();
    assertThat(read.getSubject().getReference()).isEqualTo("Patient/" + patientId);
  }

  @Test
  void aPatientOnlyTokenCannotSearchMedications() {
    IGenericClient patientOnly = FhirClients.withScopes(port, "system/Patient.rs");
    assertThatThrownBy(
            () ->
                patientOnly
                    .search()
                    .forResource(MedicationStatement.class)
                    .where(MedicationStatement.PATIENT.hasId("Patient/" + patientId))
                    .returnBundle(Bundle.class)
                    .execute())
        .isInstanceOf(ForbiddenOperationException.class);
  }

  MedicationStatement oxycodone() {
    Bundle found =
        fhir.search()
            .forResource(MedicationStatement.class)
            .where(MedicationStatement.PATIENT.hasId("Patient/" + patientId))
            .returnBundle(Bundle.class)
            .execute();
    return (MedicationStatement) found.getEntry().get(0).getResource();
  }

  MedicationStatement vread(String id, String version) {
    return fhir.read().resource(MedicationStatement.class).withIdAndVersion(id, version).execute();
  }

  @Test
  void vreadAndHistoryAnswerTheCurrentVersionOnlyWhoseIdChangesWithTheRow() {
    MedicationStatement before = oxycodone();
    String id = before.getIdElement().getIdPart();
    String v1 = before.getMeta().getVersionId();
    assertThat(v1).isNotBlank().isEqualTo(before.getIdElement().getVersionIdPart());
    assertThat(before.getMeta().getLastUpdated()).isNotNull();
    assertThat(vread(id, v1).getMeta().getVersionId()).isEqualTo(v1);

    clock.advance(Duration.ofMinutes(5));
    medications.stop(patientId, Long.parseLong(id), LocalDate.of(2021, 3, 1));
    MedicationStatement after =
        fhir.read().resource(MedicationStatement.class).withId(id).execute();
    String v2 = after.getMeta().getVersionId();
    assertThat(v2).isNotEqualTo(v1);
    assertThat(Long.parseLong(v2)).isGreaterThan(Long.parseLong(v1));
    assertThat(after.getStatus())
        .isEqualTo(MedicationStatement.MedicationStatementStatus.COMPLETED);
    assertThat(vread(id, v2).getEffectivePeriod().getEndElement().getValueAsString())
        .isEqualTo("2021-03-01");
    assertThatThrownBy(() -> vread(id, v1)).isInstanceOf(ResourceNotFoundException.class);

    Bundle history =
        fhir.history()
            .onInstance(new IdType("MedicationStatement", id))
            .returnBundle(Bundle.class)
            .execute();
    assertThat(history.getEntry())
        .extracting(e -> e.getResource().getMeta().getVersionId())
        .containsExactly(v2);
    for (var resource : new MedicationStatement[] {before, after, vread(id, v2)}) {
      assertThat(FhirValidation.errors(FhirClients.json(resource))).isEmpty();
    }
    assertThat(FhirValidation.errors(FhirClients.json(history.getEntry().get(0).getResource())))
        .isEmpty();
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM audit_event WHERE action = 'READ'"
                        + " AND object_type = 'MedicationStatement' AND object_id = :id"
                        + " AND detail = 'history'")
                .param("id", id)
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void anUnknownMedicationStatementHasNoVersionsOrHistory() {
    assertThatThrownBy(() -> vread("987654321", "1")).isInstanceOf(ResourceNotFoundException.class);
    assertThatThrownBy(
            () ->
                fhir.history()
                    .onInstance(new IdType("MedicationStatement", "987654321"))
                    .returnBundle(Bundle.class)
                    .execute())
        .isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void aPatientOnlyTokenCannotReadVersionsOrHistory() {
    MedicationStatement s = oxycodone();
    String id = s.getIdElement().getIdPart();
    IGenericClient patientOnly = FhirClients.withScopes(port, "system/Patient.rs");
    assertThatThrownBy(
            () ->
                patientOnly
                    .read()
                    .resource(MedicationStatement.class)
                    .withIdAndVersion(id, s.getMeta().getVersionId())
                    .execute())
        .isInstanceOf(ForbiddenOperationException.class);
    assertThatThrownBy(
            () ->
                patientOnly
                    .history()
                    .onInstance(new IdType("MedicationStatement", id))
                    .returnBundle(Bundle.class)
                    .execute())
        .isInstanceOf(ForbiddenOperationException.class);
  }

  @Test
  void metadataListsTheMedicationStatementInteractions() {
    var json = Http.json(Http.api(port).get("/fhir/metadata"));
    var interactions = new java.util.ArrayList<String>();
    for (var resource : json.get("rest").get(0).get("resource")) {
      if (resource.get("type").asText().equals("MedicationStatement")) {
        resource.get("interaction").forEach(i -> interactions.add(i.get("code").asText()));
      }
    }
    assertThat(interactions)
        .containsExactlyInAnyOrder("read", "vread", "search-type", "history-instance");
  }
}
