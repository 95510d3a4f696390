package org.relief.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.relief.support.Http;
import org.relief.support.MutableClock;
import org.relief.support.ReliefIntegrationTest;
import org.relief.support.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

@ReliefIntegrationTest
@TestPropertySource(properties = "relief.identity.sign-in-attempts-per-minute=5")
class SignInRateLimitTest {

  @LocalServerPort int port;
  @Autowired MutableClock clock;
  @Autowired JdbcClient jdbc;

  @Test
  void tooManySignInAttemptsFromOneAddressAreRefusedUntilTheMinuteIsOver() {
    clock.set(clock.instant().plusSeconds(60 - clock.instant().getEpochSecond() % 60));
    Http browser = Http.browser(port);
    for (int i = 0; i < 5; i++) {
      assertThat(browser.signIn("someone-" + i, "wrong-password").statusCode()).isEqualTo(302);
    }
    var refused = browser.signIn(TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(refused.body()).contains("Too many sign-in attempts");
    assertThat(refused.headers().firstValue("Retry-After")).isPresent();
    assertThat(browser.get("/today").statusCode()).as("not signed in").isEqualTo(302);
    long audited =
        jdbc.sql(
                "SELECT count(*) FROM audit_event WHERE action = 'SIGN_IN' AND outcome = 'DENIED'"
                    + " AND detail = 'rate-limited'")
            .query(Long.class)
            .single();
    assertThat(audited).isEqualTo(1);

    assertThat(browser.get("/login").statusCode()).as("pages still open").isEqualTo(200);
    clock.advance(Duration.ofMinutes(1));
    var later = browser.signIn(TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
    assertThat(later.headers().firstValue("Location").orElse("")).doesNotContain("error");
  }
}
