package org.relief.patients;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relief.support.Http;
import org.relief.support.Problems;
import org.relief.support.ReliefIntegrationTest;
import org.relief.support.TestAccounts;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@ReliefIntegrationTest
class MmeApiTest {

  private static final String MME = "/api/v1/opioids/mme";

  @LocalServerPort int port;

  Http api;
  String token;

  @BeforeEach
  void client() {
    api = Http.api(port);
    token =
        api.token(
            TestAccounts.CLIENT_ID, TestAccounts.CLIENT_SECRET, "system/MedicationStatement.rs");
  }

  private HttpResponse<String> post(String json) {
    return api.postJson(MME, json, "Authorization", "Bearer " + token);
  }

  private static String oneMedication(String drug, String dose, String unit) {
    return "{\"medications\": [{\"drug\": "
        + drug
        + ", \"dose\": "
        + dose
        + ", \"unit\": "
        + unit
        + "}]}";
  }

  private static JsonNode refused(HttpResponse<String> response, int status, String code) {
    return Problems.refused(response, status, code);
  }

  @Test
  void convertsFortyMilligramsOxycodoneToSixtyMme() {
    var response =
        post("{\"medications\": [{\"drug\": \"oxycodone\", \"dose\": 40, \"unit\": \"mg/day\"}]}");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode body = Http.json(response);
    assertThat(body.get("totalMme").isNumber()).isTrue();
    assertThat(body.get("totalMme").decimalValue()).isEqualByComparingTo("60.0");
    assertThat(body.get("totalMme").toString()).isEqualTo("60.0");
    JsonNode oxycodone = body.get("medications").get(0);
    assertThat(oxycodone.get("drug").asText()).isEqualTo("oxycodone");
    assertThat(oxycodone.get("factor").toString()).isEqualTo("1.5");
    assertThat(oxycodone.get("mme").toString()).isEqualTo("60.0");
    assertThat(oxycodone.get("provenance").get("source").asText())
        .isEqualTo("clinical-rules.md §2a");
    assertThat(body.get("guidance").findValuesAsString("code"))
        .contains("mme-is-an-estimate", "reassess-benefits-and-risks", "offer-naloxone")
        .doesNotContain("legacy-threshold");
  }

  @Test
  void showsTheLegacyThresholdAsConfigurableAndUnconfirmed() {
    JsonNode body = Http.json(post(oneMedication("\"fentanyl-transdermal\"", "50", "\"mcg/h\"")));

    assertThat(body.get("totalMme").toString()).isEqualTo("120.0");
    JsonNode legacy = body.get("thresholds").get(1);
    assertThat(legacy.get("mme").decimalValue()).isEqualByComparingTo("90");
    assertThat(legacy.get("configurable").asBoolean()).isTrue();
    assertThat(legacy.get("setting").asText()).isEqualTo("relief.patients.mme.legacy-threshold");
    assertThat(legacy.get("reached").asBoolean()).isTrue();
    assertThat(legacy.get("provenance").get("confirmed").asBoolean()).isFalse();
    assertThat(legacy.get("provenance").get("note").asText())
        .startsWith("unconfirmed — confirm locally");
    assertThat(body.get("guidance").findValuesAsString("code"))
        .contains("legacy-threshold", "fentanyl-transdermal-caution");
  }

  @Test
  void totalsSeveralOpioids() {
    JsonNode body =
        Http.json(
            post(
                "{\"medications\": ["
                    + "{\"drug\": \"hydrocodone\", \"dose\": 20, \"unit\": \"mg/day\"},"
                    + "{\"drug\": \"tramadol\", \"dose\": 100, \"unit\": \"mg/day\"},"
                    + "{\"drug\": \"buprenorphine\", \"dose\": 5, \"unit\": \"mcg/h\"}]}"));

    assertThat(body.get("totalMme").toString()).isEqualTo("40.0");
    assertThat(body.get("medications").get(2).get("counted").asBoolean()).isFalse();
    assertThat(body.get("medications").get(2).get("mme").isNull()).isTrue();
    assertThat(body.get("guidance").findValuesAsString("code"))
        .contains("tramadol-caution", "buprenorphine-not-counted")
        .doesNotContain("offer-naloxone");
  }

  @Test
  void refusesAnUnknownOpioidNamingIt() {
    JsonNode problem =
        refused(post(oneMedication("\"oxycodon\"", "40", "\"mg/day\"")), 422, "unknown-opioid");
    assertThat(problem.get("detail").asText())
        .startsWith(
            "Unknown opioid 'oxycodon': use a generic name in lower case such as 'oxycodone'");
  }

  @Test
  void refusesAUnitThatDoesNotFitTheDrug() {
    JsonNode problem =
        refused(
            post(oneMedication("\"fentanyl-transdermal\"", "25", "\"mg/day\"")),
            422,
            "unit-not-for-drug");
    assertThat(problem.get("detail").asText())
        .startsWith("fentanyl-transdermal is dosed in mcg/h, not mg/day");
  }

  @Test
  void refusesAnUnknownUnit() {
    JsonNode problem =
        refused(post(oneMedication("\"oxycodone\"", "40", "\"tablets\"")), 422, "unknown-unit");
    assertThat(problem.get("detail").asText())
        .startsWith("Unit 'tablets' is not known: give the dose of oxycodone in mg/day");
  }

  @Test
  void refusesAMissingUnit() {
    refused(
        post("{\"medications\": [{\"drug\": \"oxycodone\", \"dose\": 40}]}"), 422, "unit-missing");
  }

  @Test
  void refusesANegativeDose() {
    JsonNode problem =
        refused(
            post(oneMedication("\"oxycodone\"", "-40", "\"mg/day\"")), 422, "dose-not-positive");
    assertThat(problem.get("detail").asText())
        .contains("must be greater than zero, not -40 mg/day");
  }

  @Test
  void refusesAnAbsurdlyLargeDoseQuickly() {
    JsonNode problem =
        refused(
            post(oneMedication("\"morphine\"", "1e999999999", "\"mg/day\"")),
            422,
            "dose-implausible");
    assertThat(problem.get("detail").asText()).contains("is not plausible");
  }

  @Test
  void refusesAZeroDose() {
    refused(post(oneMedication("\"oxycodone\"", "0", "\"mg/day\"")), 422, "dose-not-positive");
  }

  @Test
  void refusesAMissingDose() {
    JsonNode problem =
        refused(
            post("{\"medications\": [{\"drug\": \"oxycodone\", \"unit\": \"mg/day\"}]}"),
            422,
            "dose-missing");
    assertThat(problem.get("detail").asText())
        .isEqualTo("oxycodone has no dose: give the dose in mg/day.");
  }

  @Test
  void refusesAMissingDrug() {
    refused(post("{\"medications\": [{\"dose\": 40, \"unit\": \"mg/day\"}]}"), 422, "drug-missing");
  }

  @Test
  void refusesAnEmptyList() {
    JsonNode problem = refused(post("{\"medications\": []}"), 422, "no-medications");
    assertThat(problem.get("detail").asText()).contains("at least one opioid");
  }

  @Test
  void refusesABodyWithoutMedications() {
    refused(post("{}"), 422, "no-medications");
  }

  @Test
  void refusesANullMedication() {
    refused(post("{\"medications\": [null]}"), 422, "medication-missing");
  }

  @Test
  void answersMalformedJsonWith400WithoutParserDetails() {
    JsonNode problem = refused(post("{\"medications\": [{\"drug\": "), 400, "malformed-request");
    assertThat(problem.get("detail").asText()).contains("not valid JSON");
  }

  @Test
  void answersAnEmptyBodyWith400() {
    refused(post(""), 400, "malformed-request");
  }

  @Test
  void answersMedicationsThatAreNotAListWith400() {
    refused(post("{\"medications\": \"oxycodone 40 mg\"}"), 400, "malformed-request");
  }

  @Test
  void answersADoseThatIsNotANumberWith400() {
    refused(
        post(oneMedication("\"oxycodone\"", "\"forty\"", "\"mg/day\"")), 400, "malformed-request");
  }

  @Test
  void refusesWithoutTokenWith401() {
    var response = api.postJson(MME, oneMedication("\"oxycodone\"", "40", "\"mg/day\""));
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(Http.json(response).get("error").asText()).isEqualTo("unauthorized");
  }

  @Test
  void refusesATokenWithoutMedicationStatementReadWith403() {
    String patientOnly =
        api.token(TestAccounts.CLIENT_ID, TestAccounts.CLIENT_SECRET, "system/Patient.rs");
    var response =
        api.postJson(
            MME,
            oneMedication("\"oxycodone\"", "40", "\"mg/day\""),
            "Authorization",
            "Bearer " + patientOnly);
    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(Http.json(response).get("error").asText()).isEqualTo("insufficient_scope");
  }
}
