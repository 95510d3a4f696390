package org.relief.assessments;

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
class InstrumentsApiTest {

  @LocalServerPort int port;

  Http api;
  String bearer;

  @BeforeEach
  void client() {
    api = Http.api(port);
    bearer =
        "Bearer "
            + api.token(
                TestAccounts.CLIENT_ID, TestAccounts.CLIENT_SECRET, "system/Questionnaire.rs");
  }

  private HttpResponse<String> score(String code, String body) {
    return api.postJson("/api/v1/instruments/" + code + "/score", body, "Authorization", bearer);
  }

  private static JsonNode problem(HttpResponse<String> response, int status, String code) {
    return Problems.refused(response, status, code);
  }

  @Test
  void listsEveryInstrumentWithItemsRangesSourceAndLicence() {
    var response = api.get("/api/v1/instruments", "Authorization", bearer);
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode list = Http.json(response);
    assertThat(list.size()).isEqualTo(15);
    JsonNode odi = list.get(3);
    assertThat(odi.get("code").asText()).isEqualTo("odi");
    assertThat(odi.get("source").asText()).startsWith("clinical-rules.md §3.1");
    assertThat(odi.get("licence").asText()).isNotBlank();
    assertThat(odi.get("version").asText()).isEqualTo("2.1a");
    JsonNode lifting = odi.get("items").get(2);
    assertThat(lifting.get("key").asText()).isEqualTo("3");
    assertThat(lifting.get("label").asText()).isEqualTo("Lifting");
    assertThat(lifting.get("min").asInt()).isZero();
    assertThat(lifting.get("max").asInt()).isEqualTo(5);
    JsonNode ndi = list.get(4);
    assertThat(ndi.get("unconfirmed").get(0).asText()).startsWith("ndi bands (Vernon 2008)");
    assertThat(list.get(0).get("unconfirmed").get(0).asText())
        .contains("in use: none 0, mild 1–4, moderate 5–6, severe 7–10");
  }

  @Test
  void scoresOdiAnswers() {
    JsonNode result =
        Http.json(
            score(
                "odi",
                "{\"answers\": {\"1\": 2, \"2\": 2, \"3\": 2, \"4\": 2, \"5\": 2, \"6\": 2,"
                    + " \"7\": 1, \"8\": 1, \"9\": 2}}"));
    assertThat(result.get("instrument").asText()).isEqualTo("odi");
    assertThat(result.get("score").asDouble()).isEqualTo(35.6);
    assertThat(result.get("band").asText()).isEqualTo("moderate");
    assertThat(result.get("answered").asInt()).isEqualTo(9);
    assertThat(result.get("flags").size()).isZero();
  }

  @Test
  void scoresPhq9WithTheItemNineFlagAndItsUnconfirmedNote() {
    var response =
        score(
            "phq9",
            "{\"answers\": {\"1\": 1, \"2\": 1, \"3\": 2, \"4\": 1, \"5\": 1, \"6\": 0,"
                + " \"7\": 1, \"8\": 0, \"9\": 1}}");
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode result = Http.json(response);
    assertThat(result.get("score").asDouble()).isEqualTo(8.0);
    assertThat(result.get("band").asText()).isEqualTo("mild");
    assertThat(result.get("flags").get(0).get("code").asText())
        .isEqualTo("suicide-risk-assessment-needed");
    assertThat(result.get("unconfirmed").get(0).asText()).startsWith("phq9 item-9 rule");
  }

  @Test
  void scoresPcsWithItsSubscales() {
    JsonNode result =
        Http.json(
            score(
                "pcs",
                "{\"answers\": {\"1\": 2, \"2\": 2, \"3\": 2, \"4\": 2, \"5\": 2, \"6\": 2,"
                    + " \"7\": 2, \"8\": 2, \"9\": 2, \"10\": 2, \"11\": 2, \"12\": 2,"
                    + " \"13\": 2}}"));
    assertThat(result.get("score").asDouble()).isEqualTo(26.0);
    assertThat(result.get("subscores").get("rumination").asDouble()).isEqualTo(8.0);
    assertThat(result.get("subscores").get("magnification").asDouble()).isEqualTo(6.0);
    assertThat(result.get("subscores").get("helplessness").asDouble()).isEqualTo(12.0);
  }

  @Test
  void scoresOrtWithTheSexBesideTheAnswers() {
    JsonNode result =
        Http.json(
            score(
                "ort",
                "{\"sex\": \"female\", \"answers\": {\"1a\": 0, \"1b\": 0, \"1c\": 1, \"2a\": 0,"
                    + " \"2b\": 0, \"2c\": 0, \"3\": 1, \"4\": 0, \"5a\": 0, \"5b\": 1}}"));
    assertThat(result.get("score").asDouble()).isEqualTo(6.0);
    assertThat(result.get("band").asText()).isEqualTo("moderate");
  }

  @Test
  void unknownInstrumentIs404() {
    JsonNode body = problem(score("sf36", "{\"answers\": {\"1\": 1}}"), 404, "not-found");
    assertThat(body.get("detail").asText()).contains("no instrument 'sf36'");
  }

  @Test
  void outOfRangeAnswerIs422NamingTheItem() {
    JsonNode body =
        problem(
            score(
                "odi",
                "{\"answers\": {\"1\": 0, \"2\": 0, \"3\": 7, \"4\": 0, \"5\": 0, \"6\": 0,"
                    + " \"7\": 0, \"8\": 0, \"9\": 0, \"10\": 0}}"),
            422,
            "answer-out-of-range");
    assertThat(body.get("detail").asText())
        .isEqualTo("ODI item 3 (Lifting) must be between 0 and 5; got 7.");
  }

  @Test
  void fractionalTextOrBooleanAnswerIs422NotAWholeNumber() {
    for (String value : new String[] {"2.5", "2.0", "\"2\"", "true", "[2]", "{\"v\": 2}"}) {
      JsonNode body =
          problem(
              score("peg", "{\"answers\": {\"1\": 2, \"2\": " + value + ", \"3\": 2}}"),
              422,
              "answer-not-a-whole-number");
      assertThat(body.get("detail").asText())
          .as(value)
          .startsWith("PEG item 2 must be a whole number from 0 to 10; got ");
    }
  }

  @Test
  void unknownItemIs422() {
    JsonNode body =
        problem(score("nrs", "{\"answers\": {\"1\": 3, \"2\": 4}}"), 422, "unknown-item");
    assertThat(body.get("detail").asText()).isEqualTo("NRS-11 has no item \"2\"; its items are 1.");
  }

  @Test
  void tooManyMissingItemsIs422() {
    JsonNode body =
        problem(
            score("odi", "{\"answers\": {\"1\": 1, \"2\": 1, \"3\": 1}}"),
            422,
            "too-many-missing-items");
    assertThat(body.get("detail").asText()).startsWith("ODI needs at least 9 of its 10 sections");
  }

  @Test
  void noAnswersAtAllIs422TooManyMissing() {
    problem(score("gad7", "{}"), 422, "too-many-missing-items");
  }

  @Test
  void ortWithoutSexIs422() {
    String answers =
        "\"answers\": {\"1a\": 0, \"1b\": 0, \"1c\": 1, \"2a\": 0, \"2b\": 0, \"2c\": 0,"
            + " \"3\": 1, \"4\": 0, \"5a\": 0, \"5b\": 1}";
    problem(score("ort", "{" + answers + "}"), 422, "sex-required");
    JsonNode body = problem(score("ort", "{\"sex\": \"x\", " + answers + "}"), 422, "sex-required");
    assertThat(body.get("detail").asText()).contains("got \"x\"");
  }

  @Test
  void malformedJsonIs400WithAnExample() {
    for (String body : new String[] {"{\"answers\": {\"1\": 3", "not json", "", "[1, 2]"}) {
      JsonNode problem = problem(score("nrs", body), 400, "unreadable-body");
      assertThat(problem.get("detail").asText()).as(body).contains("{\"answers\"");
    }
  }

  @Test
  void answersThatAreNotAnObjectAre400() {
    problem(score("nrs", "{\"answers\": [3]}"), 400, "unreadable-body");
  }

  @Test
  void withoutATokenBothEndpointsAnswer401() {
    assertThat(api.get("/api/v1/instruments").statusCode()).isEqualTo(401);
    var response = api.postJson("/api/v1/instruments/nrs/score", "{\"answers\": {\"1\": 3}}");
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(Http.json(response).get("error").asText()).isEqualTo("unauthorized");
  }

  @Test
  void aTokenWithoutQuestionnaireReadIsRefused403() {
    String patientOnly =
        "Bearer "
            + api.token(TestAccounts.CLIENT_ID, TestAccounts.CLIENT_SECRET, "system/Patient.rs");
    assertThat(api.get("/api/v1/instruments", "Authorization", patientOnly).statusCode())
        .isEqualTo(403);
    var response =
        api.postJson(
            "/api/v1/instruments/nrs/score",
            "{\"answers\": {\"1\": 3}}",
            "Authorization",
            patientOnly);
    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(Http.json(response).get("error").asText()).isEqualTo("insufficient_scope");
  }
}
