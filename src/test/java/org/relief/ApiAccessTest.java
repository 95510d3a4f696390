package org.relief;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relief.support.Http;
import org.relief.support.MutableClock;
import org.relief.support.ReliefIntegrationTest;
import org.relief.support.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@ReliefIntegrationTest
class ApiAccessTest {

  @LocalServerPort int port;
  @Autowired MutableClock clock;

  Http api;

  @BeforeEach
  void client() {
    api = Http.api(port);
  }

  @Test
  void apiWithoutTokenAnswers401WithJson() {
    var response = api.get("/api/v1/me");
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
    assertThat(Http.json(response).get("error").asText()).isEqualTo("unauthorized");
    assertThat(response.headers().firstValue("WWW-Authenticate"))
        .hasValue("Bearer realm=\"relief\"");
  }

  @Test
  void fhirWithoutTokenAnswers401WithOperationOutcome() {
    var response = api.get("/fhir/Patient");
    assertThat(response.statusCode()).isEqualTo(401);
    var body = Http.json(response);
    assertThat(body.get("resourceType").asText()).isEqualTo("OperationOutcome");
    assertThat(body.get("issue").get(0).get("code").asText()).isEqualTo("login");
  }

  @Test
  void sessionCookieIsNotEnoughForTheApi() {
    Http browser = Http.browser(port);
    browser.signIn(TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
    assertThat(browser.get("/api/v1/me").statusCode()).isEqualTo(401);
  }

  @Test
  void clientCredentialsGiveABearerTokenThatIdentifiesTheClient() {
    var response =
        api.postForm(
            "/oauth2/token",
            Map.of("grant_type", "client_credentials"),
            "Authorization",
            Http.basic(TestAccounts.CLIENT_ID, TestAccounts.CLIENT_SECRET));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Cache-Control"))
        .hasValueSatisfying(v -> assertThat(v).contains("no-store"));
    var body = Http.json(response);
    assertThat(body.get("token_type").asText()).isEqualTo("Bearer");
    assertThat(body.get("expires_in").asLong()).isEqualTo(900);
    assertThat(body.get("scope").asText()).isEqualTo("system/*.cruds");
    String token = body.get("access_token").asText();
    assertThat(token).hasSizeGreaterThanOrEqualTo(43);

    var me = Http.json(api.get("/api/v1/me", "Authorization", "Bearer " + token));
    assertThat(me.get("id").asText()).isEqualTo(TestAccounts.CLIENT_ID);
    assertThat(me.get("type").asText()).isEqualTo("API_CLIENT");
    assertThat(me.get("scopes").get(0).asText()).isEqualTo("system/*.cruds");
  }

  @Test
  void aNarrowerScopeCanBeAskedFor() {
    String token =
        api.token(TestAccounts.CLIENT_ID, TestAccounts.CLIENT_SECRET, "system/Patient.rs");
    var me = Http.json(api.get("/api/v1/me", "Authorization", "Bearer " + token));
    assertThat(me.get("scopes").size()).isEqualTo(1);
    assertThat(me.get("scopes").get(0).asText()).isEqualTo("system/Patient.rs");
  }

  @Test
  void wrongSecretIsRefusedAsInvalidClient() {
    var response =
        api.postForm(
            "/oauth2/token",
            Map.of("grant_type", "client_credentials"),
            "Authorization",
            Http.basic(TestAccounts.CLIENT_ID, "not-the-secret"));
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(Http.json(response).get("error").asText()).isEqualTo("invalid_client");
  }

  @Test
  void missingClientAuthenticationIsRefused() {
    var response = api.postForm("/oauth2/token", Map.of("grant_type", "client_credentials"));
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(Http.json(response).get("error").asText()).isEqualTo("invalid_client");
  }

  @Test
  void otherGrantTypesAreRefused() {
    var response =
        api.postForm(
            "/oauth2/token",
            Map.of("grant_type", "password"),
            "Authorization",
            Http.basic(TestAccounts.CLIENT_ID, TestAccounts.CLIENT_SECRET));
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(Http.json(response).get("error").asText()).isEqualTo("unsupported_grant_type");
  }

  @Test
  void malformedOrUngrantedScopesAreRefused() {
    for (String scope : new String[] {"admin", "system/Patient.xyz", "patient/Patient.rs"}) {
      var response =
          api.postForm(
              "/oauth2/token",
              Map.of("grant_type", "client_credentials", "scope", scope),
              "Authorization",
              Http.basic(TestAccounts.CLIENT_ID, TestAccounts.CLIENT_SECRET));
      assertThat(response.statusCode()).as(scope).isEqualTo(400);
      assertThat(Http.json(response).get("error").asText()).isEqualTo("invalid_scope");
    }
  }

  @Test
  void unknownTokenIsRefused() {
    var response = api.get("/api/v1/me", "Authorization", "Bearer not-a-real-token");
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(Http.json(response).get("error").asText()).isEqualTo("invalid_token");
  }

  @Test
  void tokenExpiresAfterItsLifetime() {
    String token = api.token(TestAccounts.CLIENT_ID, TestAccounts.CLIENT_SECRET, null);
    assertThat(api.get("/api/v1/me", "Authorization", "Bearer " + token).statusCode())
        .isEqualTo(200);
    clock.advance(java.time.Duration.ofMinutes(16));
    try {
      assertThat(api.get("/api/v1/me", "Authorization", "Bearer " + token).statusCode())
          .isEqualTo(401);
    } finally {
      clock.advance(java.time.Duration.ofMinutes(-16));
    }
  }

  @Test
  void auditVerificationNeedsAuditEventReadScope() {
    String patientOnly =
        api.token(TestAccounts.CLIENT_ID, TestAccounts.CLIENT_SECRET, "system/Patient.rs");
    var refused = api.get("/api/v1/audit/verify", "Authorization", "Bearer " + patientOnly);
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(Http.json(refused).get("error").asText()).isEqualTo("insufficient_scope");

    String auditor =
        api.token(TestAccounts.CLIENT_ID, TestAccounts.CLIENT_SECRET, "system/AuditEvent.rs");
    var verified = Http.json(api.get("/api/v1/audit/verify", "Authorization", "Bearer " + auditor));
    assertThat(verified.get("valid").asBoolean()).isTrue();
    assertThat(verified.get("events").asLong()).isPositive();
    assertThat(verified.get("firstBrokenEventId").isNull()).isTrue();
  }

  @Test
  void unclaimedApiPathsAreRefusedEvenWithAToken() {
    String token = api.token(TestAccounts.CLIENT_ID, TestAccounts.CLIENT_SECRET, null);
    assertThat(api.get("/api/v1/nothing-here", "Authorization", "Bearer " + token).statusCode())
        .isEqualTo(403);
  }
}
