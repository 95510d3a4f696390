package org.relief.procedures;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.relief.support.Http;
import org.relief.support.Problems;
import org.relief.support.ReliefIntegrationTest;
import org.relief.support.TestAccounts;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@ReliefIntegrationTest
class AnticoagulationApiTest {

  private static final String PLAN = "/api/v1/anticoagulation/plan";
  private static final String CATALOGUE = "/api/v1/procedures/catalogue";

  @LocalServerPort int port;

  Http api;
  String token;

  @BeforeEach
  void client() {
    api = Http.api(port);
    token = api.token(TestAccounts.CLIENT_ID, TestAccounts.CLIENT_SECRET, "system/Procedure.rs");
  }

  private HttpResponse<String> post(String json) {
    return api.postJson(PLAN, json, "Authorization", "Bearer " + token);
  }

  private static String request(String procedure, String drug) {
    return "{\"procedure\": \""
        + procedure
        + "\", \"procedureDate\": \"2026-12-01\", \"highBleedingRisk\": false,"
        + " \"medications\": [{\"drug\": \""
        + drug
        + "\"}]}";
  }

  private static JsonNode refused(HttpResponse<String> response, int status, String code) {
    return Problems.refused(response, status, code);
  }

  @Test
  void plansApixabanBeforeATransforaminalInjection() {
    var response = post(request("lumbar-tfesi", "apixaban"));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode body = Http.json(response);
    assertThat(body.get("riskClass").asText()).isEqualTo("intermediate");
    JsonNode apixaban = body.get("medications").get(0);
    assertThat(apixaban.get("drug").asText()).isEqualTo("apixaban");
    assertThat(apixaban.get("action").asText()).isEqualTo("hold");
    assertThat(apixaban.get("stopBeforeHours").asInt()).isEqualTo(72);
    assertThat(apixaban.get("lastDoseOn").asText()).isEqualTo("2026-11-28");
    assertThat(apixaban.get("restartAfterHours").asInt()).isEqualTo(24);
    assertThat(apixaban.get("confirmed").isBoolean()).isTrue();
    assertThat(apixaban.get("confirmed").asBoolean()).isFalse();
    assertThat(apixaban.get("source").asText()).isEqualTo("§1b");
    assertThat(apixaban.get("note").asText()).contains("unconfirmed — confirm locally");
  }

  @Test
  void raisesTheRiskClassForAPatientAtHighBleedingRisk() {
    JsonNode body =
        Http.json(
            post(
                "{\"procedure\": \"lumbar-mbb\", \"procedureDate\": \"2026-12-01\","
                    + " \"highBleedingRisk\": true, \"medications\": [{\"drug\": \"naproxen\"},"
                    + " {\"drug\": \"aspirin\", \"regimen\": \"primary-prophylaxis\"}]}"));

    assertThat(body.get("procedureRiskClass").asText()).isEqualTo("low");
    assertThat(body.get("riskClass").asText()).isEqualTo("intermediate");
    assertThat(body.get("medications").get(0).get("action").asText()).isEqualTo("continue");
    assertThat(body.get("medications").get(1).get("action").asText()).isEqualTo("shared-decision");
  }

  @Test
  void refusesAnUnknownDrugNamingIt() {
    JsonNode problem = refused(post(request("lumbar-tfesi", "apixiban")), 422, "unknown-drug");
    assertThat(problem.get("detail").asText()).startsWith("Unknown drug 'apixiban'");
  }

  @Test
  void refusesAnUnknownProcedureNamingIt() {
    JsonNode problem =
        refused(post(request("lumbar-fusion", "apixaban")), 422, "unknown-procedure");
    assertThat(problem.get("detail").asText()).startsWith("Unknown procedure 'lumbar-fusion'");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"procedureDate\": \"2026-12-01\", \"highBleedingRisk\": false, \"medications\": []}"
            + " | procedure-missing",
        "{\"procedure\": \"lumbar-tfesi\", \"highBleedingRisk\": false, \"medications\": []}"
            + " | procedure-date-missing",
        "{\"procedure\": \"lumbar-tfesi\", \"procedureDate\": \"2026-12-01\", \"medications\": []}"
            + " | high-bleeding-risk-missing",
        "{\"procedure\": \"lumbar-tfesi\", \"procedureDate\": \"2026-12-01\","
            + " \"highBleedingRisk\": false} | medications-missing",
        "{\"procedure\": \"lumbar-tfesi\", \"procedureDate\": \"2026-12-01\","
            + " \"highBleedingRisk\": false, \"medications\": [{}]} | drug-missing",
        "{\"procedure\": \"lumbar-tfesi\", \"procedureDate\": \"2026-12-01\","
            + " \"highBleedingRisk\": false, \"medications\": [null]} | drug-missing",
        "{\"procedure\": \"lumbar-tfesi\", \"procedureDate\": \"2026-12-01\","
            + " \"highBleedingRisk\": false, \"medications\": [{\"drug\": \"heparin\","
            + " \"regimen\": \"oral\"}]} | unknown-regimen"
      })
  void refusesIncompleteRequestsWithAClearReason(String json, String code) {
    refused(post(json), 422, code);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "not json",
        "{\"procedure\": \"lumbar-tfesi\", \"procedureDate\": \"1 December\","
            + " \"highBleedingRisk\": false, \"medications\": []}",
        "{\"procedure\": \"lumbar-tfesi\", \"procedureDate\": \"2026-12-01\","
            + " \"highBleedingRisk\": \"maybe\", \"medications\": []}",
        "{\"procedure\": \"lumbar-tfesi\", \"procedureDate\": \"2026-12-01\","
            + " \"highBleedingRisk\": false, \"medications\": {\"drug\": \"apixaban\"}}"
      })
  void answersMalformedJsonWith400AndNoParserText(String json) {
    JsonNode problem = refused(post(json), 400, "malformed-request");
    assertThat(problem.get("detail").asText()).startsWith("The request body is not valid JSON");
  }

  @Test
  void refusesARequestWithoutAToken() {
    assertThat(api.postJson(PLAN, request("lumbar-tfesi", "apixaban")).statusCode()).isEqualTo(401);
    assertThat(api.get(CATALOGUE).statusCode()).isEqualTo(401);
  }

  @Test
  void refusesATokenWithoutProcedureRead() {
    String patientOnly =
        api.token(TestAccounts.CLIENT_ID, TestAccounts.CLIENT_SECRET, "system/Patient.rs");

    assertThat(
            api.postJson(
                    PLAN,
                    request("lumbar-tfesi", "apixaban"),
                    "Authorization",
                    "Bearer " + patientOnly)
                .statusCode())
        .isEqualTo(403);
    assertThat(api.get(CATALOGUE, "Authorization", "Bearer " + patientOnly).statusCode())
        .isEqualTo(403);
  }

  @Test
  void listsTheCatalogue() {
    var response = api.get(CATALOGUE, "Authorization", "Bearer " + token);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode catalogue = Http.json(response);
    assertThat(catalogue.size()).isEqualTo(25);
    JsonNode tfesi = catalogue.get(0);
    assertThat(tfesi.get("code").asText()).isEqualTo("lumbar-tfesi");
    assertThat(tfesi.get("riskClass").asText()).isEqualTo("intermediate");
    assertThat(tfesi.get("purpose").asText()).isEqualTo("therapeutic");
    assertThat(tfesi.get("levels").get("allowed").get(0).asText()).isEqualTo("L1–L2");
    assertThat(tfesi.get("cptCodes").get(0).get("code").asText()).isEqualTo("64483");
    assertThat(tfesi.get("cptCodes").get(0).get("provenance").get("confirmed").asBoolean())
        .isFalse();
    assertThat(tfesi.get("followUpPlan").asText()).isEqualTo("epidural-steroid-injection");
  }
}
