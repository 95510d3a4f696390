package org.relief.procedures.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.relief.identity.UserAccounts;
import org.relief.platform.Role;
import org.relief.support.Http;
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
 * Procedures in the bulk import ({@code POST /api/v1/import}): the committed SYNTHETIC Synthea
 * sample imported from a folder twice, and NDJSON with a procedure of each kind. Kept and skipped
 * by the same rules as a FHIR create ({@link ElsewhereRules}).
 */
@ReliefIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProcedureBulkImportTest {

  private static final String REHABILITATION = "52052004";
  private static final String MEDICATION_RECONCILIATION = "430193006";

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired UserAccounts accounts;

  @Value("${relief.fhir.bulk-import.root}")
  Path root;

  JsonNode first;
  JsonNode second;
  long rowsBefore;
  long rowsAfterFirst;
  long rowsAfterSecond;
  long patient19;

  @BeforeAll
  void importTheSampleTwice() throws IOException {
    String sample = "procedures-" + UUID.randomUUID();
    Path folder = Files.createDirectories(root.resolve(sample));
    String mrn19 = null;
    // Fresh UUIDs: other tests import the same sample into the shared database.
    for (var copy : SyntheaSample.freshCopies().entrySet()) {
      Files.writeString(folder.resolve(copy.getKey()), copy.getValue());
      if (copy.getKey().equals("synthetic-patient-19.json")) {
        for (JsonNode id : Http.JSON.readTree(copy.getValue()).at("/entry/0/resource/identifier")) {
          if ("MR".equals(id.at("/type/coding/0/code").asString(""))) {
            mrn19 = id.get("value").asString();
          }
        }
      }
    }
    rowsBefore = externalRows();
    var answer = folderImport("{\"folder\": \"" + sample + "\"}");
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    first = Http.json(answer);
    rowsAfterFirst = externalRows();
    var again = folderImport("{\"folder\": \"" + sample + "\"}");
    assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
    second = Http.json(again);
    rowsAfterSecond = externalRows();
    patient19 = patientWithMrn(mrn19);
  }

  @Test
  void keepsTheSampleRehabilitationTherapiesAndSkipsAndCountsTheRest() {
    // The sample's 80 Procedures: 4 are SNOMED CT therapies Relief keeps (patients 07, 18, 19 x2).
    assertThat(first.at("/resources/Procedure/kept").asInt()).isEqualTo(4);
    assertThat(first.at("/resources/Procedure/skipped").asInt()).isEqualTo(76);
    assertThat(first.at("/resources/Procedure/rejected").asInt()).isZero();
    assertThat(rowsAfterFirst - rowsBefore).isEqualTo(4);
  }

  @Test
  void synthea19sRehabilitationProceduresLandAsProceduresRecordedElsewhere() {
    List<String> rows =
        jdbc.sql(
                "SELECT code_system || ' ' || code || ' ' || display || ' ' || status || ' '"
                    + " || performed_start || ' ' || (source_id LIKE 'urn:uuid:%')"
                    + " FROM external_procedure WHERE patient_id = :p ORDER BY performed_start")
            .param("p", patient19)
            .query(String.class)
            .list();
    assertThat(rows).hasSize(2);
    assertThat(rows)
        .allMatch(
            r ->
                r.startsWith(
                    "http://snomed.info/sct "
                        + REHABILITATION
                        + " Rehabilitation therapy (regime/therapy) completed "));
    assertThat(rows).allMatch(r -> r.endsWith(" true"));
    List<Instant> starts =
        jdbc.sql(
                "SELECT performed_start FROM external_procedure WHERE patient_id = :p"
                    + " ORDER BY performed_start")
            .param("p", patient19)
            .query(Instant.class)
            .list();
    assertThat(starts)
        .containsExactly(
            Instant.parse("2007-05-13T10:49:46Z"), Instant.parse("2007-06-12T12:14:22Z"));
  }

  @Test
  void synthea19sRehabilitationProceduresShowOnTheChart() {
    String chart =
        Staff.signedIn(accounts, port, Role.PAIN_PHYSICIAN).get("/patients/" + patient19).body();
    assertThat(chart).contains("Procedures recorded elsewhere");
    assertThat(chart).contains("Rehabilitation therapy (regime/therapy)");
    assertThat(chart).contains("2007-05-13").contains("2007-06-12").contains(REHABILITATION);
    assertThat(chart).doesNotContain("Medication Reconciliation");
  }

  @Test
  void synthea19sMedicationReconciliationIsSkippedNotKept() {
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM external_procedure WHERE patient_id = :p"
                        + " AND code = :code")
                .param("p", patient19)
                .param("code", MEDICATION_RECONCILIATION)
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void importingTheSameFolderAgainAddsNoProcedures() {
    assertThat(rowsAfterSecond).isEqualTo(rowsAfterFirst);
    assertThat(second.at("/resources/Procedure/kept").asInt()).isZero();
    assertThat(second.at("/resources/Procedure/alreadyPresent").asInt()).isEqualTo(4);
    assertThat(second.at("/resources/Procedure/skipped").asInt()).isEqualTo(76);
  }

  @Test
  void keepsSkipsAndRejectsNdjsonProceduresByTheCreateRulesWithReasons() {
    String mrnUuid = UUID.randomUUID().toString();
    String patient = "P" + mrnUuid.substring(0, 8);
    String ref = "Patient/" + patient;
    String body =
        String.join(
            "\n",
            patientLine(patient, mrnUuid),
            // line 2: a catalogue CPT code, kept; no display, so the code's text is shown
            procedure(
                "A",
                ref,
                "completed",
                "http://www.ama-assn.org/go/cpt",
                "64483",
                null,
                "\"performedDateTime\":\"2025-03-04T09:00:00+00:00\""),
            // line 3: physical therapy with a date only, kept
            procedure(
                "B",
                ref,
                null,
                "http://snomed.info/sct",
                "91251008",
                "Physical therapy procedure",
                "\"performedDateTime\":\"2025-02-01\""),
            // line 4: not pain-relevant, skipped
            procedure(
                "C",
                ref,
                "completed",
                "http://snomed.info/sct",
                MEDICATION_RECONCILIATION,
                "Medication Reconciliation (procedure)",
                "\"performedDateTime\":\"2025-03-04T09:00:00+00:00\""),
            // line 5: entered in error, skipped
            procedure(
                "D",
                ref,
                "entered-in-error",
                "http://snomed.info/sct",
                "91251008",
                null,
                "\"performedDateTime\":\"2025-03-04T09:00:00+00:00\""),
            // line 6: in the future, rejected
            procedure(
                "E",
                ref,
                "completed",
                "http://snomed.info/sct",
                "84478008",
                null,
                "\"performedDateTime\":\"2999-01-01T09:00:00+00:00\""),
            // line 7: ends before it starts, rejected
            procedure(
                "F",
                ref,
                "completed",
                "http://snomed.info/sct",
                "84478008",
                null,
                "\"performedPeriod\":{\"start\":\"2025-03-04T10:00:00+00:00\","
                    + "\"end\":\"2025-03-04T09:00:00+00:00\"}"),
            // line 8: a patient not in the import, rejected
            procedure(
                "G",
                "Patient/not-imported-" + patient,
                "completed",
                "http://snomed.info/sct",
                "84478008",
                null,
                "\"performedDateTime\":\"2025-03-04T09:00:00+00:00\""),
            // line 9: not a date, rejected
            procedure(
                "H",
                ref,
                "completed",
                "http://snomed.info/sct",
                "84478008",
                null,
                "\"performedDateTime\":\"last spring\""));

    JsonNode report = Http.json(ndjson(body));
    assertThat(report.at("/resources/Procedure/kept").asInt()).isEqualTo(2);
    assertThat(report.at("/resources/Procedure/skipped").asInt()).isEqualTo(2);
    assertThat(report.at("/resources/Procedure/rejected").asInt()).isEqualTo(4);
    assertThat(report.get("rejections"))
        .extracting(r -> r.get("location").asString() + ": " + r.get("reason").asString())
        .containsExactly(
            "line 6: A procedure done elsewhere cannot be performed in the future.",
            "line 7: The procedure's end is before its start; check the period.",
            "line 8: The procedure's subject is not a patient of this import;"
                + " import the Patient first.",
            "line 9: The procedure's performed date is not a FHIR date and time.");
    long patientId = patientWithMrn(mrnUuid);
    assertThat(
            jdbc.sql(
                    "SELECT code || ' ' || display FROM external_procedure WHERE patient_id = :p"
                        + " ORDER BY code")
                .param("p", patientId)
                .query(String.class)
                .list())
        .containsExactly("64483 Code text A", "91251008 Physical therapy procedure");

    JsonNode again = Http.json(ndjson(body));
    assertThat(again.at("/resources/Procedure/kept").asInt()).isZero();
    assertThat(again.at("/resources/Procedure/alreadyPresent").asInt()).isEqualTo(2);
  }

  private long externalRows() {
    return jdbc.sql("SELECT count(*) FROM external_procedure").query(Long.class).single();
  }

  private long patientWithMrn(String uuid) {
    return jdbc.sql("SELECT id FROM patient WHERE mrn = :mrn")
        .param("mrn", fitted(uuid))
        .query(Long.class)
        .single();
  }

  /** Relief's MRN for a Synthea UUID MRN (PatientMapper.fitted, decision 0027). */
  private static String fitted(String uuid) {
    return "U" + uuid.replace("-", "").substring(0, 19).toUpperCase(Locale.ROOT);
  }

  private String fullToken() {
    return Http.api(port).token(TestAccounts.CLIENT_ID, TestAccounts.CLIENT_SECRET, null);
  }

  private HttpResponse<String> folderImport(String body) {
    return Http.api(port)
        .postJson("/api/v1/import", body, "Authorization", "Bearer " + fullToken());
  }

  private HttpResponse<String> ndjson(String body) {
    try {
      HttpResponse<String> answer =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/import"))
                      .header("Content-Type", "application/fhir+ndjson")
                      .header("Authorization", "Bearer " + fullToken())
                      .POST(HttpRequest.BodyPublishers.ofString(body))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
      return answer;
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A SYNTHETIC patient. */
  private static String patientLine(String patient, String mrnUuid) {
    return "{\"resourceType\":\"Patient\",\"id\":\""
        + patient
        + "\",\"meta\":{\"security\":[{\"system\":"
        + "\"http://terminology.hl7.org/CodeSystem/v3-ActReason\",\"code\":\"HTEST\"}]},"
        + "\"identifier\":[{\"type\":{\"coding\":[{\"system\":"
        + "\"http://terminology.hl7.org/CodeSystem/v2-0203\",\"code\":\"MR\"}]},\"value\":\""
        + mrnUuid
        + "\"}],\"name\":[{\"use\":\"official\",\"family\":\"Synthetic\",\"given\":[\"Pat\"]}],"
        + "\"gender\":\"female\",\"birthDate\":\"1968-05-02\"}";
  }

  private static String procedure(
      String id,
      String subject,
      String status,
      String system,
      String code,
      String display,
      String performed) {
    return "{\"resourceType\":\"Procedure\",\"id\":\"R"
        + id
        + subject.replaceAll("[^A-Za-z0-9]", "")
        + "\","
        + (status == null ? "" : "\"status\":\"" + status + "\",")
        + "\"subject\":{\"reference\":\""
        + subject
        + "\"},\"code\":{\"coding\":[{\"system\":\""
        + system
        + "\",\"code\":\""
        + code
        + "\""
        + (display == null ? "" : ",\"display\":\"" + display + "\"")
        + "}],\"text\":\"Code text "
        + id
        + "\"},"
        + performed
        + "}";
  }
}
