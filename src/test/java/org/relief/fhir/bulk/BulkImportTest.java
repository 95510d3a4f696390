package org.relief.fhir.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.relief.identity.UserAccounts;
import org.relief.platform.Role;
import org.relief.support.Http;
import org.relief.support.Problems;
import org.relief.support.ReliefIntegrationTest;
import org.relief.support.Staff;
import org.relief.support.SyntheaSample;
import org.relief.support.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/v1/import}: the committed SYNTHETIC sample of 20 Synthea patients
 * (src/test/resources/synthea) imported from a folder, twice; NDJSON with bad lines; the import
 * root; and who may call it.
 */
@ReliefIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BulkImportTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired UserAccounts accounts;

  @Value("${relief.fhir.bulk-import.root}")
  Path root;

  String sample;
  JsonNode first;
  JsonNode second;
  long importEventsBefore;
  long importEventsAfterFirst;
  long patientCreateEventsBefore;
  long patientCreateEventsAfterFirst;
  String secondImportDetail;

  @BeforeAll
  void importTheSampleTwice() throws IOException {
    sample = "sample-" + UUID.randomUUID();
    Path folder = Files.createDirectories(root.resolve(sample));
    // Fresh patient UUIDs: other tests import the same sample into the shared database.
    for (var copy : SyntheaSample.freshCopies().entrySet()) {
      Files.writeString(folder.resolve(copy.getKey()), copy.getValue());
    }
    importEventsBefore = events("IMPORT");
    patientCreateEventsBefore = patientCreates();
    var answer = folderImport(fullToken(), "{\"folder\": \"" + sample + "\"}");
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    first = Http.json(answer);
    importEventsAfterFirst = events("IMPORT");
    patientCreateEventsAfterFirst = patientCreates();
    var again = folderImport(fullToken(), "{\"folder\": \"" + sample + "\"}");
    assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
    second = Http.json(again);
    secondImportDetail =
        jdbc.sql("SELECT detail FROM audit_event WHERE action = 'IMPORT' ORDER BY id DESC LIMIT 1")
            .query(String.class)
            .single();
  }

  @Test
  void importsTheSyntheaSampleFromAFolderAndCountsWhatItDoesNotKeep() {
    assertThat(first.at("/resources/Patient/kept").asInt()).isEqualTo(20);
    assertThat(first.at("/resources/Observation/kept").asInt()).isPositive();
    assertThat(first.at("/resources/Condition/kept").asInt()).isPositive();
    assertThat(first.at("/resources/Encounter/skipped").asInt()).isPositive();
    assertThat(first.at("/resources/Procedure/skipped").asInt()).isPositive();
    assertThat(first.at("/resources/Encounter/rejected").asInt()).isZero();
    assertThat(first.at("/resources/Observation/rejected").asInt()).isZero();
    assertThat(first.get("imported").asBoolean()).isTrue();
  }

  @Test
  void importingTheSameFolderTwiceCreatesNoDuplicates() {
    assertThat(second.at("/totals/kept").asInt()).isZero();
    assertThat(second.at("/totals/alreadyPresent").asInt())
        .isEqualTo(first.at("/totals/kept").asInt());
    assertThat(second.at("/resources/Patient/alreadyPresent").asInt()).isEqualTo(20);
    long painScores =
        jdbc.sql(
                "SELECT count(*) FROM questionnaire_response WHERE source_id IS NOT NULL"
                    + " AND patient_id IN (SELECT id FROM patient WHERE mrn IN (:mrns))")
            .param("mrns", importedMrns())
            .query(Long.class)
            .single();
    assertThat(painScores).isEqualTo(first.at("/resources/Observation/kept").asLong());
  }

  @Test
  void auditsEachBatchOnceWithItsCountsNotEachResource() {
    assertThat(importEventsAfterFirst - importEventsBefore).isEqualTo(1);
    assertThat(patientCreateEventsAfterFirst).isEqualTo(patientCreateEventsBefore);
    assertThat(secondImportDetail).startsWith("batch 1: kept 0, present ");
  }

  @Test
  void keepsTheRestOfNdjsonAndReportsABadLineWithItsNumber() {
    String mrnUuid = UUID.randomUUID().toString();
    var answer = ndjson(fullToken(), painPatientNdjson(mrnUuid), false);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    JsonNode report = Http.json(answer);
    assertThat(report.at("/resources/Patient/kept").asInt()).isEqualTo(1);
    assertThat(report.at("/resources/Condition/kept").asInt()).isEqualTo(1);
    assertThat(report.at("/resources/MedicationRequest/kept").asInt()).isEqualTo(1);
    assertThat(report.at("/resources/Observation/kept").asInt()).isEqualTo(1);
    assertThat(report.at("/resources/Observation/rejected").asInt()).isEqualTo(1);
    assertThat(report.at("/resources/Encounter/skipped").asInt()).isEqualTo(1);
    assertThat(report.get("rejections"))
        .extracting(r -> r.get("location").asString())
        .containsExactly("line 6", "line 7");
    assertThat(report.get("rejections").get(1).get("reason").asString())
        .isEqualTo("A pain score is a whole number 0 to 10.");
  }

  @Test
  void allOrNothingKeepsNothingWhenALineIsBad() {
    String mrnUuid = UUID.randomUUID().toString();
    var answer = ndjson(fullToken(), painPatientNdjson(mrnUuid), true);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(422);
    JsonNode report = Http.json(answer);
    assertThat(report.get("imported").asBoolean()).isFalse();
    assertThat(report.get("mode").asString()).isEqualTo("all-or-nothing");
    assertThat(
            jdbc.sql("SELECT count(*) FROM patient WHERE mrn = :mrn")
                .param("mrn", fitted(mrnUuid))
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void anImportedOpioidPrescriptionShowsOnThePatientChartWithItsMme() {
    String mrnUuid = UUID.randomUUID().toString();
    var answer = ndjson(fullToken(), painPatientNdjson(mrnUuid), false);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    long patientId =
        jdbc.sql("SELECT id FROM patient WHERE mrn = :mrn")
            .param("mrn", fitted(mrnUuid))
            .query(Long.class)
            .single();
    String chart =
        Staff.signedIn(accounts, port, Role.PAIN_PHYSICIAN).get("/patients/" + patientId).body();
    // oxycodone 5 mg every 6 hours: 20 mg/day x 1.5 = 30 MME/day (clinical-rules.md §2a)
    assertThat(chart).contains("oxycodone").contains("5 mg").contains("every 6 hours");
    assertThat(chart).containsPattern("30(\\.0)? MME/day");
    assertThat(chart).contains("G89.29");
  }

  @Test
  void refusesAFolderOutsideTheImportRoot() throws IOException {
    String token = fullToken();
    for (String outside : List.of("..", "../..", "/etc", sample + "/../..", "no-such-folder")) {
      Problems.refused(
          folderImport(token, "{\"folder\": \"" + outside + "\"}"),
          422,
          "folder-outside-import-root");
    }
    Path link = root.resolve("link-" + UUID.randomUUID());
    Files.createSymbolicLink(link, Path.of(System.getProperty("java.io.tmpdir")));
    Problems.refused(
        folderImport(token, "{\"folder\": \"" + link.getFileName() + "\"}"),
        422,
        "folder-outside-import-root");
  }

  @Test
  void refusesATokenWithoutWriteOnEveryResourceType() {
    String readOnly =
        Http.api(port)
            .token(TestAccounts.CLIENT_ID, TestAccounts.CLIENT_SECRET, "system/Patient.rs");
    assertThat(ndjson(readOnly, "{\"resourceType\":\"Patient\"}", false).statusCode())
        .isEqualTo(403);
    String patientWriter =
        Http.api(port)
            .token(TestAccounts.CLIENT_ID, TestAccounts.CLIENT_SECRET, "system/Patient.cruds");
    assertThat(folderImport(patientWriter, "{\"folder\": \"" + sample + "\"}").statusCode())
        .isEqualTo(403);
    String everythingButUpdate =
        Http.api(port).token(TestAccounts.CLIENT_ID, TestAccounts.CLIENT_SECRET, "system/*.crs");
    assertThat(folderImport(everythingButUpdate, "{\"folder\": \"" + sample + "\"}").statusCode())
        .isEqualTo(403);
  }

  @Test
  void refusesACallWithoutATokenAndASignedInUser() {
    assertThat(Http.api(port).postJson("/api/v1/import", "{\"folder\": \"x\"}").statusCode())
        .isEqualTo(401);
    Http admin = Http.browser(port);
    admin.signIn(TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
    assertThat(admin.postJson("/api/v1/import", "{\"folder\": \"" + sample + "\"}").statusCode())
        .isEqualTo(401);
  }

  private String fullToken() {
    return Http.api(port).token(TestAccounts.CLIENT_ID, TestAccounts.CLIENT_SECRET, null);
  }

  private HttpResponse<String> folderImport(String token, String body) {
    return Http.api(port).postJson("/api/v1/import", body, "Authorization", "Bearer " + token);
  }

  private HttpResponse<String> ndjson(String token, String body, boolean allOrNothing) {
    try {
      return HttpClient.newHttpClient()
          .send(
              HttpRequest.newBuilder(
                      URI.create(
                          "http://localhost:"
                              + port
                              + "/api/v1/import"
                              + (allOrNothing ? "?allOrNothing=true" : "")))
                  .header("Content-Type", "application/fhir+ndjson")
                  .header("Authorization", "Bearer " + token)
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  private long events(String action) {
    return jdbc.sql("SELECT count(*) FROM audit_event WHERE action = :a")
        .param("a", action)
        .query(Long.class)
        .single();
  }

  private long patientCreates() {
    return jdbc.sql(
            "SELECT count(*) FROM audit_event WHERE action = 'CREATE' AND object_type = 'Patient'")
        .query(Long.class)
        .single();
  }

  private List<String> importedMrns() throws IllegalStateException {
    try {
      List<String> mrns = new java.util.ArrayList<>();
      for (Path file : Files.list(root.resolve(sample)).toList()) {
        JsonNode bundle = Http.JSON.readTree(Files.readString(file));
        for (JsonNode identifier : bundle.at("/entry/0/resource/identifier")) {
          if ("MR".equals(identifier.at("/type/coding/0/code").asString(""))) {
            mrns.add(fitted(identifier.get("value").asString()));
          }
        }
      }
      return mrns;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Relief's MRN for a Synthea UUID MRN (PatientMapper.fitted, decision 0027). */
  private static String fitted(String uuid) {
    return "U" + uuid.replace("-", "").substring(0, 19).toUpperCase(java.util.Locale.ROOT);
  }

  /** A SYNTHETIC patient with chronic pain, an oxycodone prescription and two pain scores. */
  private static String painPatientNdjson(String mrnUuid) {
    String patient = "P" + mrnUuid.substring(0, 8);
    return String.join(
        "\n",
        "{\"resourceType\":\"Patient\",\"id\":\""
            + patient
            + "\",\"meta\":{\"security\":[{\"system\":"
            + "\"http://terminology.hl7.org/CodeSystem/v3-ActReason\",\"code\":\"HTEST\"}]},"
            + "\"identifier\":[{\"type\":{\"coding\":[{\"system\":"
            + "\"http://terminology.hl7.org/CodeSystem/v2-0203\",\"code\":\"MR\"}]},\"value\":\""
            + mrnUuid
            + "\"}],\"name\":[{\"use\":\"official\",\"family\":\"Synthetic\",\"given\":[\"Ann\"]}],"
            + "\"gender\":\"female\",\"birthDate\":\"1970-03-02\"}",
        "{\"resourceType\":\"Encounter\",\"id\":\"E" + patient + "\",\"status\":\"finished\"}",
        "{\"resourceType\":\"Condition\",\"id\":\"C"
            + patient
            + "\",\"subject\":{\"reference\":\"Patient/"
            + patient
            + "\"},\"code\":{\"coding\":[{\"system\":\"http://snomed.info/sct\","
            + "\"code\":\"82423001\"}]},\"clinicalStatus\":{\"coding\":[{\"system\":"
            + "\"http://terminology.hl7.org/CodeSystem/condition-clinical\",\"code\":\"active\"}]}}",
        "{\"resourceType\":\"MedicationRequest\",\"id\":\"M"
            + patient
            + "\",\"status\":\"active\",\"intent\":\"order\",\"subject\":{\"reference\":\"Patient/"
            + patient
            + "\"},\"authoredOn\":\"2026-01-10T09:00:00+00:00\",\"medicationCodeableConcept\":"
            + "{\"coding\":[{\"system\":\"http://www.nlm.nih.gov/research/umls/rxnorm\","
            + "\"code\":\"1049221\",\"display\":\"Acetaminophen 325 MG / Oxycodone Hydrochloride"
            + " 5 MG Oral Tablet\"}]},\"dosageInstruction\":[{\"timing\":{\"repeat\":"
            + "{\"frequency\":1,\"period\":6.0,\"periodUnit\":\"h\"}},\"asNeededBoolean\":false,"
            + "\"doseAndRate\":[{\"doseQuantity\":{\"value\":1.0}}]}]}",
        painScore(patient, "O1", "2026-01-10T09:00:00+00:00", "7"),
        "this line is not JSON",
        painScore(patient, "O2", "2026-01-10T10:00:00+00:00", "7.5"));
  }

  private static String painScore(String patient, String id, String at, String value) {
    return "{\"resourceType\":\"Observation\",\"id\":\""
        + id
        + patient
        + "\",\"status\":\"final\",\"subject\":{\"reference\":\"Patient/"
        + patient
        + "\"},\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"72514-3\"}]},"
        + "\"effectiveDateTime\":\""
        + at
        + "\",\"valueQuantity\":{\"value\":"
        + value
        + "}}";
  }
}
