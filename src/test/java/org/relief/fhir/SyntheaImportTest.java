package org.relief.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.relief.support.FhirValidation;
import org.relief.support.ReliefIntegrationTest;
import org.relief.support.SyntheaSample;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Imports the committed SYNTHETIC sample of 20 Synthea patients (src/test/resources/synthea)
 * through {@code POST /fhir} transactions and checks that the pain-relevant content lands.
 */
@ReliefIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SyntheaImportTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  final List<Bundle> sent = new ArrayList<>();
  final List<Bundle> answers = new ArrayList<>();

  @BeforeAll
  void importSample() throws IOException {
    IGenericClient fhir = FhirClients.full(port);
    var parser = FhirContext.forR4Cached().newJsonParser();
    // Fresh patient UUIDs: other tests import the same sample into the shared database.
    for (String json : SyntheaSample.freshCopies().values()) {
      Bundle bundle = parser.parseResource(Bundle.class, json);
      sent.add(bundle);
      answers.add(fhir.transaction().withBundle(bundle).execute());
    }
  }

  @Test
  void importsEveryPatientAsSynthetic() {
    assertThat(sent).hasSize(20);
    List<String> patientIds = new ArrayList<>();
    for (Bundle answer : answers) {
      assertThat(answer.getEntryFirstRep().getResponse().getStatus()).isEqualTo("201 Created");
      patientIds.add(answer.getEntryFirstRep().getResponse().getLocation().split("/")[1]);
    }
    assertThat(
            jdbc.sql("SELECT count(*) FROM patient WHERE synthetic AND id IN (:ids)")
                .param("ids", patientIds.stream().map(Long::parseLong).toList())
                .query(Long.class)
                .single())
        .isEqualTo(20);
  }

  @Test
  void painScoresAndPainDiagnosesLandInTheRecords() {
    long painScoresSent = 0;
    long painDiagnosesSent = 0;
    for (Bundle bundle : sent) {
      for (var e : bundle.getEntry()) {
        if (e.getResource() instanceof Observation o
            && o.getCode().hasCoding("http://loinc.org", "72514-3")) {
          painScoresSent++;
        }
        if (e.getResource() instanceof Condition c && mappedPainFinding(c)) {
          painDiagnosesSent++;
        }
      }
    }
    assertThat(painScoresSent).isPositive();
    assertThat(painDiagnosesSent).isPositive();
    List<Long> ids = importedPatientIds();
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM questionnaire_response WHERE instrument = 'nrs'"
                        + " AND patient_id IN (:ids)")
                .param("ids", ids)
                .query(Long.class)
                .single())
        .isEqualTo(painScoresSent);
    assertThat(
            jdbc.sql("SELECT count(*) FROM patient_condition WHERE patient_id IN (:ids)")
                .param("ids", ids)
                .query(Long.class)
                .single())
        .isEqualTo(painDiagnosesSent);
  }

  @Test
  void typesReliefDoesNotKeepAreSkippedAndCountedNotFailed() {
    long skipped = 0;
    for (Bundle answer : answers) {
      for (var tag : answer.getMeta().getTag()) {
        skipped += Long.parseLong(tag.getCode());
      }
      assertThat(answer.getEntry())
          .allSatisfy(e -> assertThat(e.getResponse().getStatus()).startsWith("20"));
    }
    assertThat(skipped).isPositive();
  }

  @Test
  void anImportedPatientReadsBackAsValidR4() {
    String id = answers.get(0).getEntryFirstRep().getResponse().getLocation().split("/")[1];
    Patient read = FhirClients.full(port).read().resource(Patient.class).withId(id).execute();
    assertThat(read.getMeta().getSecurity()).anyMatch(c -> "HTEST".equals(c.getCode()));
    assertThat(FhirValidation.errors(FhirClients.json(read))).isEmpty();
  }

  private List<Long> importedPatientIds() {
    return answers.stream()
        .map(a -> Long.parseLong(a.getEntryFirstRep().getResponse().getLocation().split("/")[1]))
        .toList();
  }

  private static boolean mappedPainFinding(Condition c) {
    return c.getCode().getCoding().stream()
        .anyMatch(
            k ->
                "http://snomed.info/sct".equals(k.getSystem())
                    && List.of(
                            "82423001",
                            "278860009",
                            "279039007",
                            "134407002",
                            "1121000119107",
                            "128200000")
                        .contains(k.getCode()));
  }
}
