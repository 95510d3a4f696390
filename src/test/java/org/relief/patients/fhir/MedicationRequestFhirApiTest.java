package org.relief.patients.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.util.concurrent.atomic.AtomicInteger;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.relief.fhir.FhirClients;
import org.relief.identity.UserAccounts;
import org.relief.platform.Role;
import org.relief.support.Http;
import org.relief.support.ReliefIntegrationTest;
import org.relief.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** MedicationRequests (Synthea's prescriptions) through a POST /fhir transaction. */
@ReliefIntegrationTest
class MedicationRequestFhirApiTest {

  private static final AtomicInteger SEQUENCE = new AtomicInteger();
  private static final String PATIENT_URN = "urn:uuid:7a1d2c3e-0000-4a7a-9d1e-000000000001";

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired UserAccounts accounts;

  @Test
  void aTransactionPutsTheOpioidPrescriptionOnTheChartWithItsMmeAndSkipsTheRest() {
    String mrn = "MR" + (System.nanoTime() % 100_000_000L) + "-" + SEQUENCE.incrementAndGet();
    Patient p = new Patient();
    p.addIdentifier().setSystem(PatientMapper.MRN_SYSTEM).setValue(mrn);
    p.addName().setFamily("Prescribed").addGiven("Pat");
    p.setGender(AdministrativeGender.MALE);
    p.setBirthDateElement(new org.hl7.fhir.r4.model.DateType("1965-05-06"));
    MedicationRequest hydrocodone =
        MedicationRequestMapperTest.every(
            MedicationRequestMapperTest.prescription(
                "857005", "Acetaminophen 325 MG / HYDROcodone Bitartrate 7.5 MG Oral Tablet"),
            4,
            1.0,
            "d");
    hydrocodone.setSubject(new Reference(PATIENT_URN));
    MedicationRequest statin =
        MedicationRequestMapperTest.every(
            MedicationRequestMapperTest.prescription("314231", "Simvastatin 10 MG Oral Tablet"),
            1,
            1.0,
            "d");
    statin.setSubject(new Reference(PATIENT_URN));
    MedicationRequest meperidine =
        MedicationRequestMapperTest.every(
            MedicationRequestMapperTest.prescription(
                "861467", "Meperidine Hydrochloride 50 MG Oral Tablet"),
            1,
            4.0,
            "h");
    meperidine.setSubject(new Reference(PATIENT_URN));

    IGenericClient fhir = FhirClients.full(port);
    Bundle answer =
        fhir.transaction().withBundle(bundle(p, hydrocodone, statin, meperidine)).execute();

    assertThat(answer.getEntry().get(1).getResponse().getStatus()).isEqualTo("201 Created");
    assertThat(answer.getEntry().get(1).getResponse().getLocation())
        .startsWith("MedicationStatement/");
    var kept =
        new org.hl7.fhir.r4.model.IdType(answer.getEntry().get(1).getResponse().getLocation());
    assertThat(kept.hasVersionIdPart()).isTrue();
    assertThat(
            fhir.read()
                .resource(org.hl7.fhir.r4.model.MedicationStatement.class)
                .withIdAndVersion(kept.getIdPart(), kept.getVersionIdPart())
                .execute()
                .getMeta()
                .getVersionId())
        .isEqualTo(kept.getVersionIdPart());
    assertThat(answer.getEntry().get(2).getResponse().getOutcome()).isNotNull();
    assertThat(answer.getMeta().getTag()).anyMatch(t -> "2".equals(t.getCode()));
    long patientId =
        Long.parseLong(answer.getEntry().get(0).getResponse().getLocation().split("/")[1]);
    assertThat(
            jdbc.sql("SELECT drug FROM patient_medication WHERE patient_id = :p")
                .param("p", patientId)
                .query(String.class)
                .list())
        .containsExactly("hydrocodone");

    String chart = Staff.signedIn(accounts, port, Role.NURSE).get("/patients/" + patientId).body();
    // hydrocodone 7.5 mg four times a day: 30 mg/day x 1.0 = 30 MME/day (clinical-rules.md §2a)
    assertThat(chart).contains("hydrocodone").contains("7.5 mg").contains("4 times a day");
    assertThat(chart).containsPattern("30(\\.0)? MME/day");
  }

  @Test
  void anOpioidWithoutAScheduleOnItsOwnIsRefusedWithTheReason() {
    MedicationRequest r =
        MedicationRequestMapperTest.prescription(
            "1049221", "Acetaminophen 325 MG / Oxycodone Hydrochloride 5 MG Oral Tablet");
    r.setSubject(new Reference("Patient/1"));
    var response =
        Http.api(port)
            .postJson(
                "/fhir/MedicationRequest",
                FhirClients.json(r),
                "Authorization",
                "Bearer "
                    + Http.api(port)
                        .token(
                            org.relief.support.TestAccounts.CLIENT_ID,
                            org.relief.support.TestAccounts.CLIENT_SECRET,
                            null),
                "Accept",
                "application/fhir+json");
    assertThat(response.statusCode()).isEqualTo(422);
    assertThat(response.body()).contains("MME").doesNotContain("Exception");
  }

  @Test
  void aTokenWithoutMedicationRequestCreateIsRefused() {
    IGenericClient readOnly = FhirClients.withScopes(port, "system/Patient.rs");
    MedicationRequest r =
        MedicationRequestMapperTest.prescription("314231", "Simvastatin 10 MG Oral Tablet");
    r.setSubject(new Reference("Patient/1"));
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> readOnly.create().resource(r).execute())
        .isInstanceOf(ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException.class);
  }

  private static Bundle bundle(Resource... resources) {
    Bundle b = new Bundle().setType(Bundle.BundleType.TRANSACTION);
    for (int i = 0; i < resources.length; i++) {
      b.addEntry()
          .setFullUrl(i == 0 ? PATIENT_URN : "urn:uuid:7a1d2c3e-0000-4a7a-9d1e-00000000010" + i)
          .setResource(resources[i])
          .getRequest()
          .setMethod(Bundle.HTTPVerb.POST)
          .setUrl(resources[i].fhirType());
    }
    return b;
  }
}
