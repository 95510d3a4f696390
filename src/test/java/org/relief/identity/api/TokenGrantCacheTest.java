package org.relief.identity.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.relief.support.Http;
import org.relief.support.MutableClock;
import org.relief.support.ReliefIntegrationTest;
import org.relief.support.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Bearer-token grants kept briefly (decision 0076), and revocation taking effect at once. */
@ReliefIntegrationTest
class TokenGrantCacheTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired MutableClock clock;
  @Autowired ApiClients clients;

  java.time.Instant start;

  @AfterEach
  void resetClock() {
    if (start != null) {
      clock.set(start);
    }
  }

  private String token() {
    return Http.api(port).token(TestAccounts.CLIENT_ID, TestAccounts.CLIENT_SECRET, null);
  }

  private int patientSearchStatus(String token) {
    return Http.api(port)
        .get("/fhir/Patient?_count=1", "Authorization", "Bearer " + token)
        .statusCode();
  }

  private int revoke(String token, String secret) {
    return Http.api(port)
        .postForm(
            "/oauth2/revoke",
            Map.of("token", token),
            "Authorization",
            Http.basic(TestAccounts.CLIENT_ID, secret))
        .statusCode();
  }

  @Test
  void aGrantIsKeptBrieflySoTheDatabaseIsNotAskedOnEveryRequest() {
    String token = token();
    assertThat(patientSearchStatus(token)).isEqualTo(200);
    // The row removed behind this node's back (as by another node) is seen only when the kept
    // grant lapses, within 30 s; a revocation through this node drops it at once (below).
    assertThat(
            jdbc.sql("DELETE FROM api_token WHERE token_hash = :hash")
                .param("hash", sha256(token))
                .update())
        .isEqualTo(1);
    assertThat(clients.introspect(token)).isPresent();
    assertThat(ApiClients.GRANT_CACHE).isLessThanOrEqualTo(Duration.ofSeconds(30));
  }

  private static String sha256(String token) {
    try {
      return java.util.HexFormat.of()
          .formatHex(
              java.security.MessageDigest.getInstance("SHA-256")
                  .digest(token.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aRevokedTokenIsRefusedOnTheVeryNextRequest() {
    String token = token();
    assertThat(patientSearchStatus(token)).isEqualTo(200);
    assertThat(patientSearchStatus(token)).isEqualTo(200);

    assertThat(revoke(token, TestAccounts.CLIENT_SECRET)).isEqualTo(200);

    assertThat(patientSearchStatus(token)).isEqualTo(401);
    assertThat(clients.introspect(token)).isEmpty();
  }

  @Test
  void aKeptGrantServedFromTheCacheStillEndsWhenTheTokenExpires() {
    String token = token();
    assertThat(patientSearchStatus(token)).isEqualTo(200);
    start = clock.instant();
    clock.set(start.plus(Duration.ofDays(2)));
    assertThat(patientSearchStatus(token)).isEqualTo(401);
  }

  @Test
  void revocationNeedsTheClientsOwnCredentialsAndRevealsNothingAboutUnknownTokens() {
    String token = token();
    assertThat(revoke(token, "wrong-secret-entirely")).isEqualTo(401);
    assertThat(patientSearchStatus(token)).isEqualTo(200);
    assertThat(revoke("no-such-token", TestAccounts.CLIENT_SECRET)).isEqualTo(200);
    assertThat(patientSearchStatus(token)).isEqualTo(200);
  }
}
