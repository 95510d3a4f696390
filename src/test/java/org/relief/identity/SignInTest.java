package org.relief.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.relief.platform.Role;
import org.relief.support.Http;
import org.relief.support.MutableClock;
import org.relief.support.ReliefIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@ReliefIntegrationTest
class SignInTest {

  private static final String PASSWORD = "correct-horse-battery";
  private static final AtomicInteger SEQ = new AtomicInteger();

  @LocalServerPort int port;
  @Autowired UserAccounts accounts;
  @Autowired MutableClock clock;
  @Autowired JdbcClient jdbc;

  private String newUser(Role role) {
    String username = "signin-" + SEQ.incrementAndGet();
    accounts.create(new UserAccounts.NewUser(username, "Test Person", PASSWORD, Set.of(role)));
    return username;
  }

  private static String location(HttpResponse<String> response) {
    return response.headers().firstValue("Location").orElse("");
  }

  @Test
  void accountsCreatedSharingOnePasswordEachSignInWithIt() {
    String first = "shared-" + SEQ.incrementAndGet() + "-" + System.nanoTime() % 100000;
    String second = "shared-" + SEQ.incrementAndGet() + "-" + System.nanoTime() % 100000;
    var created =
        accounts.createSharingPassword(
            java.util.List.of(
                new UserAccounts.NewUser(first, "Shared One", PASSWORD, Set.of(Role.SPECIALIST)),
                new UserAccounts.NewUser(second, "Shared Two", PASSWORD, Set.of(Role.SPECIALIST))));
    assertThat(created).extracting(UserAccount::username).containsExactly(first, second);
    for (String user : java.util.List.of(first, second)) {
      assertThat(location(Http.browser(port).signIn(user, PASSWORD))).doesNotContain("error");
      assertThat(location(Http.browser(port).signIn(user, "wrong-horse-battery")))
          .contains("error");
    }
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                accounts.createSharingPassword(
                    java.util.List.of(
                        new UserAccounts.NewUser(
                            "shared-x-" + SEQ.incrementAndGet(), "X", PASSWORD, Set.of(Role.NURSE)),
                        new UserAccounts.NewUser(
                            "shared-y-" + SEQ.incrementAndGet(),
                            "Y",
                            "another-long-password",
                            Set.of(Role.NURSE)))))
        .isInstanceOf(IllegalArgumentException.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                accounts.createSharingPassword(
                    java.util.List.of(
                        new UserAccounts.NewUser(
                            "shared-z-" + SEQ.incrementAndGet(),
                            "Z",
                            "short",
                            Set.of(Role.NURSE)))))
        .isInstanceOf(org.relief.platform.RuleViolation.class);
  }

  @Test
  void physicianSignsInAndLandsOnToday() {
    String user = newUser(Role.PAIN_PHYSICIAN);
    Http browser = Http.browser(port);
    var posted = browser.signIn(user, PASSWORD);
    assertThat(posted.statusCode()).isEqualTo(302);
    assertThat(location(posted)).doesNotContain("error");
    var home = browser.get("/");
    assertThat(location(home)).endsWith("/today");
    var today = browser.get("/today");
    assertThat(today.statusCode()).isEqualTo(200);
    assertThat(today.body()).contains("Today", "Patients", "Conferences", "Follow-ups");
  }

  @Test
  void recruiterLandsOnCareersAndCannotOpenClinicalAreas() {
    String user = newUser(Role.RECRUITER);
    Http browser = Http.browser(port);
    browser.signIn(user, PASSWORD);
    assertThat(location(browser.get("/"))).endsWith("/careers");
    assertThat(browser.get("/careers").statusCode()).isEqualTo(200);
    assertThat(browser.get("/today").statusCode()).isEqualTo(403);
    assertThat(browser.get("/patients").statusCode()).isEqualTo(403);
    assertThat(browser.get("/audit").statusCode()).isEqualTo(403);
    assertThat(browser.get("/careers").body()).doesNotContain(">Patients<");
  }

  @Test
  void usernamesIgnoreCase() {
    String user = newUser(Role.NURSE);
    Http browser = Http.browser(port);
    var posted = browser.signIn(user.toUpperCase(), PASSWORD);
    assertThat(location(posted)).doesNotContain("error");
  }

  @Test
  void sessionIdChangesAtSignIn() {
    String user = newUser(Role.NURSE);
    Http browser = Http.browser(port);
    var loginPage = browser.get("/login");
    String before = sessionCookie(loginPage);
    var posted =
        browser.postForm(
            "/login",
            Map.of(
                "username",
                user,
                "password",
                PASSWORD,
                "_csrf",
                Http.csrfTokenOf(loginPage.body())));
    String after = sessionCookie(posted);
    assertThat(before).isNotBlank();
    assertThat(after).isNotBlank().isNotEqualTo(before);
  }

  private static String sessionCookie(HttpResponse<String> response) {
    return response.headers().allValues("Set-Cookie").stream()
        .filter(c -> c.startsWith("RELIEF_SESSION="))
        .map(c -> c.substring("RELIEF_SESSION=".length(), c.indexOf(';')))
        .findFirst()
        .orElse("");
  }

  @Test
  void fiveWrongPasswordsLockTheAccountWithTheSameMessageUntilTheLockRunsOut() {
    String user = newUser(Role.PAIN_PHYSICIAN);
    Http browser = Http.browser(port);
    for (int i = 0; i < 5; i++) {
      var wrong = browser.signIn(i % 2 == 0 ? user : user.toUpperCase(), "wrong-password-" + i);
      assertThat(location(wrong)).endsWith("/login?error");
    }
    var lockedWithRightPassword = browser.signIn(user, PASSWORD);
    assertThat(location(lockedWithRightPassword)).endsWith("/login?error");
    assertThat(browser.get("/login?error").body())
        .contains("The username or password is incorrect, or the account is locked");
    assertThat(accounts.findByUsername(user).orElseThrow().lockedAt(clock.instant())).isTrue();

    clock.advance(Duration.ofMinutes(16));
    try {
      var afterLock = browser.signIn(user, PASSWORD);
      assertThat(location(afterLock)).doesNotContain("error");
    } finally {
      clock.advance(Duration.ofMinutes(-16));
    }
  }

  @Test
  void successResetsTheFailureCount() {
    String user = newUser(Role.NURSE);
    Http browser = Http.browser(port);
    for (int i = 0; i < 4; i++) {
      browser.signIn(user, "wrong-password");
    }
    assertThat(location(browser.signIn(user, PASSWORD))).doesNotContain("error");
    Http other = Http.browser(port);
    for (int i = 0; i < 4; i++) {
      other.signIn(user, "wrong-password");
    }
    assertThat(location(other.signIn(user, PASSWORD))).doesNotContain("error");
  }

  @Test
  void unknownAndDisabledAccountsGetTheSameAnswerAsAWrongPassword() {
    String disabled = newUser(Role.NURSE);
    long id = accounts.findByUsername(disabled).orElseThrow().id();
    accounts.setEnabled(id, false, "admin");
    assertThat(location(Http.browser(port).signIn(disabled, PASSWORD))).endsWith("/login?error");
    assertThat(location(Http.browser(port).signIn("nobody-at-all", PASSWORD)))
        .endsWith("/login?error");
  }

  @Test
  void signInWithoutCsrfTokenIsRefused() {
    String user = newUser(Role.NURSE);
    var response =
        Http.browser(port).postForm("/login", Map.of("username", user, "password", PASSWORD));
    assertThat(response.statusCode()).isEqualTo(403);
  }

  @Test
  void pagesRequireSignIn() {
    var response = Http.browser(port).get("/today");
    assertThat(response.statusCode()).isEqualTo(302);
    assertThat(location(response)).endsWith("/login");
  }

  @Test
  void pagesCarrySecurityHeadersAndAreNeverCached() {
    String user = newUser(Role.PAIN_PHYSICIAN);
    Http browser = Http.browser(port);
    browser.signIn(user, PASSWORD);
    var today = browser.get("/today");
    assertThat(today.headers().firstValue("Content-Security-Policy"))
        .hasValueSatisfying(
            csp ->
                assertThat(csp)
                    .contains("object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"));
    assertThat(today.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    assertThat(today.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(today.headers().firstValue("Cache-Control"))
        .hasValueSatisfying(v -> assertThat(v).contains("no-store"));
  }

  @Test
  void sessionsAreKeptInPostgresAndEndAfterFifteenIdleMinutes() {
    String user = newUser(Role.NURSE);
    Http browser = Http.browser(port);
    browser.signIn(user, PASSWORD);
    assertThat(browser.get("/today").statusCode()).isEqualTo(200);
    Integer maxInactive =
        jdbc.sql("SELECT max_inactive_interval FROM spring_session WHERE principal_name = :u")
            .param("u", user)
            .query(Integer.class)
            .single();
    assertThat(maxInactive).isEqualTo(15 * 60);

    long sixteenMinutesAgo = System.currentTimeMillis() - Duration.ofMinutes(16).toMillis();
    jdbc.sql(
            "UPDATE spring_session SET last_access_time = :t, expiry_time = :t + 900000"
                + " WHERE principal_name = :u")
        .param("t", sixteenMinutesAgo)
        .param("u", user)
        .update();
    var afterIdle = browser.get("/today");
    assertThat(afterIdle.statusCode()).isEqualTo(302);
    assertThat(location(afterIdle)).endsWith("/login");
  }

  @Test
  void signOutEndsTheSession() {
    String user = newUser(Role.NURSE);
    Http browser = Http.browser(port);
    browser.signIn(user, PASSWORD);
    var out = browser.submit("/today", "/logout", Map.of());
    assertThat(location(out)).endsWith("/login?signedOut");
    assertThat(browser.get("/today").statusCode()).isEqualTo(302);
  }

  @Test
  void disablingAnAccountEndsItsOpenSessions() {
    String user = newUser(Role.NURSE);
    Http browser = Http.browser(port);
    browser.signIn(user, PASSWORD);
    assertThat(browser.get("/today").statusCode()).isEqualTo(200);
    accounts.setEnabled(accounts.findByUsername(user).orElseThrow().id(), false, "admin");
    assertThat(browser.get("/today").statusCode()).isEqualTo(302);
  }
}
