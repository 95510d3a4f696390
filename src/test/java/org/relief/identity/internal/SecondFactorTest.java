package org.relief.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.relief.identity.UserAccounts;
import org.relief.platform.Role;
import org.relief.support.Http;
import org.relief.support.MutableClock;
import org.relief.support.ReliefIntegrationTest;
import org.relief.support.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@ReliefIntegrationTest
class SecondFactorTest {

  private static final Pattern KEY = Pattern.compile("id=\"setup-key\">([A-Z2-7]+)<");

  @LocalServerPort int port;
  @Autowired UserAccounts accounts;
  @Autowired MutableClock clock;
  @Autowired JdbcClient jdbc;

  private static String location(HttpResponse<String> r) {
    return r.headers().firstValue("Location").orElse("");
  }

  /** Signs up a physician with two-step sign-in on and returns the secret their app would hold. */
  private byte[] enrolled(String username) {
    accounts.create(
        new UserAccounts.NewUser(
            username, "Two Step", "a-long-enough-pass", Set.of(Role.PAIN_PHYSICIAN)));
    Http browser = Http.browser(port);
    browser.signIn(username, "a-long-enough-pass");
    var offer = browser.submit("/account/security", "/account/security/setup", Map.of());
    Matcher m = KEY.matcher(offer.body());
    assertThat(m.find()).as("setup key shown").isTrue();
    byte[] secret = AuthenticatorApp.secretOf(m.group(1));
    var confirmed =
        browser.submit(
            "/account/security", "/account/security/confirm", Map.of("code", now(secret)));
    assertThat(location(confirmed)).endsWith("/account/security");
    clock.advance(Duration.ofSeconds(30));
    return secret;
  }

  private String now(byte[] secret) {
    return Totp.code(secret, Totp.step(clock.instant()), 6);
  }

  @Test
  void passwordAloneNoLongerOpensAnythingOnceTwoStepIsOn() {
    byte[] secret = enrolled("two.step.a");
    Http browser = Http.browser(port);
    var afterPassword = browser.signIn("two.step.a", "a-long-enough-pass");
    assertThat(location(afterPassword)).endsWith("/login/code");
    assertThat(browser.get("/today").statusCode()).isEqualTo(302);
    assertThat(browser.get("/patients").statusCode()).isEqualTo(302);

    var wrong = browser.submit("/login/code", "/login/code", Map.of("code", "000000"));
    assertThat(wrong.statusCode()).isEqualTo(422);
    assertThat(wrong.body()).contains("That code is not right");
    assertThat(browser.get("/today").statusCode()).isEqualTo(302);

    var right = browser.submit("/login/code", "/login/code", Map.of("code", now(secret)));
    assertThat(location(right)).endsWith("/");
    assertThat(browser.get("/today").statusCode()).isEqualTo(200);
  }

  @Test
  void aCodeWorksOnlyOnce() {
    byte[] secret = enrolled("two.step.b");
    String code = now(secret);
    Http first = Http.browser(port);
    first.signIn("two.step.b", "a-long-enough-pass");
    assertThat(location(first.submit("/login/code", "/login/code", Map.of("code", code))))
        .endsWith("/");
    Http replay = Http.browser(port);
    replay.signIn("two.step.b", "a-long-enough-pass");
    var replayed = replay.submit("/login/code", "/login/code", Map.of("code", code));
    assertThat(replayed.statusCode()).isEqualTo(422);
    assertThat(replay.get("/today").statusCode()).isEqualTo(302);
  }

  @Test
  void wrongCodesCountTowardsTheLockout() {
    enrolled("two.step.c");
    Http browser = Http.browser(port);
    browser.signIn("two.step.c", "a-long-enough-pass");
    HttpResponse<String> last = null;
    for (int i = 0; i < 5; i++) {
      last = browser.submit("/login/code", "/login/code", Map.of("code", "00000" + i));
    }
    assertThat(location(last)).endsWith("/login?error");
    assertThat(accounts.findByUsername("two.step.c").orElseThrow().lockedAt(clock.instant()))
        .isTrue();
  }

  @Test
  void aPendingSignInExpires() {
    byte[] secret = enrolled("two.step.d");
    Http browser = Http.browser(port);
    browser.signIn("two.step.d", "a-long-enough-pass");
    String page = browser.get("/login/code").body();
    clock.advance(Duration.ofMinutes(6));
    var late =
        browser.postForm(
            "/login/code", Map.of("code", now(secret), "_csrf", Http.csrfTokenOf(page)));
    assertThat(location(late)).endsWith("/login?expired");
    assertThat(browser.get("/today").statusCode()).isEqualTo(302);
  }

  @Test
  void theSecretIsNotStoredInClearAndTheChangeIsAudited() {
    byte[] secret = enrolled("two.step.e");
    String stored =
        jdbc.sql(
                "SELECT f.sealed_secret FROM app_user_second_factor f JOIN app_user u"
                    + " ON u.id = f.user_id WHERE u.username = 'two.step.e'")
            .query(String.class)
            .single();
    assertThat(stored).doesNotContain(Totp.base32(secret));
    String sessions =
        jdbc.sql(
                "SELECT coalesce(string_agg(encode(attribute_bytes, 'escape'), ''), '')"
                    + " FROM spring_session_attributes")
            .query(String.class)
            .single();
    assertThat(sessions).doesNotContain(Totp.base32(secret));
    long enabled =
        jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'SECOND_FACTOR_ENABLED'")
            .query(Long.class)
            .single();
    assertThat(enabled).isPositive();
  }

  @Test
  void anAdministratorCanResetALostSecondFactor() {
    enrolled("two.step.f");
    long id = accounts.findByUsername("two.step.f").orElseThrow().id();
    Http admin = Http.browser(port);
    admin.signIn(TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
    admin.submit("/admin/users", "/admin/users/" + id + "/second-factor/reset", Map.of());
    Http browser = Http.browser(port);
    var signIn = browser.signIn("two.step.f", "a-long-enough-pass");
    assertThat(location(signIn)).doesNotContain("/login/code").doesNotContain("error");
    assertThat(browser.get("/today").statusCode()).isEqualTo(200);
  }

  @Test
  void aWrongConfirmationCodeLeavesTwoStepOff() {
    accounts.create(
        new UserAccounts.NewUser(
            "two.step.g", "Two Step", "a-long-enough-pass", Set.of(Role.NURSE)));
    Http browser = Http.browser(port);
    browser.signIn("two.step.g", "a-long-enough-pass");
    browser.submit("/account/security", "/account/security/setup", Map.of());
    var refused =
        browser.submit("/account/security", "/account/security/confirm", Map.of("code", "123"));
    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(refused.body()).contains("That code does not match", "setup-key");
    Http again = Http.browser(port);
    assertThat(location(again.signIn("two.step.g", "a-long-enough-pass")))
        .doesNotContain("/login/code");
  }
}
