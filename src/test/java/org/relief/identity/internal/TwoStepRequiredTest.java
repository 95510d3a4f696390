package org.relief.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

@ReliefIntegrationTest
@TestPropertySource(properties = "relief.identity.require-two-step-for=NURSE")
class TwoStepRequiredTest {

  private static final Pattern KEY = Pattern.compile("id=\"setup-key\">([A-Z2-7]+)<");

  @LocalServerPort int port;
  @Autowired UserAccounts accounts;
  @Autowired MutableClock clock;

  private Http signedIn(String username, Role role) {
    accounts.create(
        new UserAccounts.NewUser(username, "Person", "a-long-enough-pass", Set.of(role)));
    Http browser = Http.browser(port);
    var signIn = browser.signIn(username, "a-long-enough-pass");
    assertThat(signIn.statusCode()).isEqualTo(302);
    return browser;
  }

  @Test
  void aRoleThatRequiresTwoStepReachesNothingButTheSetupUntilItIsOn() {
    Http nurse = signedIn("required.nurse", Role.NURSE);
    assertThat(nurse.get("/").headers().firstValue("Location").orElse(""))
        .endsWith("/account/security");
    for (String page : new String[] {"/today", "/patients", "/patients/new"}) {
      var response = nurse.get(page);
      assertThat(response.statusCode()).as(page).isEqualTo(302);
      assertThat(response.headers().firstValue("Location").orElse(""))
          .as(page)
          .endsWith("/account/security");
    }
    var form =
        nurse.submit(
            "/account/security",
            "/patients",
            Map.of(
                "mrn",
                "REQ-1",
                "familyName",
                "X",
                "givenName",
                "Y",
                "birthDate",
                "1970-01-01",
                "sex",
                "FEMALE"));
    assertThat(form.statusCode()).isEqualTo(403);
    assertThat(nurse.get("/account/security").body())
        .contains("Your practice requires two-step sign-in for your role");

    var offer = nurse.submit("/account/security", "/account/security/setup", Map.of());
    Matcher m = KEY.matcher(offer.body());
    assertThat(m.find()).isTrue();
    byte[] secret = AuthenticatorApp.secretOf(m.group(1));
    nurse.submit(
        "/account/security",
        "/account/security/confirm",
        Map.of("code", Totp.code(secret, Totp.step(clock.instant()), 6)));
    clock.advance(Duration.ofSeconds(30));
    assertThat(nurse.get("/patients").statusCode()).isEqualTo(200);
  }

  @Test
  void otherRolesAreNotHeldBack() {
    Http physician = signedIn("free.physician", Role.PAIN_PHYSICIAN);
    assertThat(physician.get("/today").statusCode()).isEqualTo(200);
  }
}
