package org.relief.patients.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relief.fhir.FhirClients;
import org.relief.support.FhirValidation;
import org.relief.support.ReliefIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The medication list as FHIR MedicationStatements, through HAPI's generic client. */
@ReliefIntegrationTest
class MedicationStatementFhirApiTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  IGenericClient fhir;
  long patientId;

  @BeforeEach
  void patientWithTwoMedications() {
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
}
