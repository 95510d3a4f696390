package org.relief.careers.demand;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.relief.identity.UserAccounts;
import org.relief.platform.Role;
import org.relief.support.Http;
import org.relief.support.ReliefIntegrationTest;
import org.relief.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@ReliefIntegrationTest
class DemandPageTest {

  @LocalServerPort int port;
  @Autowired UserAccounts accounts;

  @Test
  void recruitersAndPracticeAdministratorsSeeEveryParameterWithItsSourceAndEveryState() {
    for (Role role : new Role[] {Role.RECRUITER, Role.PRACTICE_ADMIN}) {
      var page = Staff.signedIn(accounts, port, role).get("/careers/demand");
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body())
          .contains("name=\"graduates-per-year.low\"", "value=\"300\"", "value=\"360\"")
          .contains("about 300–360 new graduates a year")
          .contains("20.9 % of US adults in 2021 (CDC MMWR 2023)")
          .contains("Assumption, not in careers.md")
          .contains("id=\"state-CA\"", "id=\"state-WY\"", "All states shown")
          .contains("Supply in 10 years")
          .contains("class=\"gap-bar\"");
    }
  }

  @Test
  void aWhatIfIsRecomputedFromTheFormAndNotKept() {
    Http recruiter = Staff.signedIn(accounts, port, Role.RECRUITER);
    var whatIf = recruiter.get("/careers/demand?horizon-years.base=5&leakage.high=40");
    assertThat(whatIf.statusCode()).isEqualTo(200);
    assertThat(whatIf.body()).contains("Supply in 5 years").contains("value=\"40\"");
    assertThat(recruiter.get("/careers/demand").body())
        .contains("Supply in 10 years")
        .doesNotContain("value=\"40\"");
  }

  @Test
  void badParametersGetAClearMessageAndKeepWhatWasTyped() {
    Http admin = Staff.signedIn(accounts, port, Role.PRACTICE_ADMIN);
    var bad = admin.get("/careers/demand?seen-share.low=abc");
    assertThat(bad.statusCode()).isEqualTo(422);
    assertThat(bad.body())
        .contains(
            "Of them, seen by a pain specialist in a year (low): &#39;abc&#39; is not a number.")
        .contains("value=\"abc\"")
        .doesNotContain("id=\"demand-table\"");
    var order = admin.get("/careers/demand?leakage.low=20");
    assertThat(order.statusCode()).isEqualTo(422);
    assertThat(order.body()).contains("the low value (20) must not be above the base (10)");
    var negative = admin.get("/careers/demand?exit-rate.low=-2");
    assertThat(negative.statusCode()).isEqualTo(422);
    assertThat(negative.body()).contains("cannot be negative");
  }

  @Test
  void anHtmxRequestGetsOnlyTheResultsWithAnyRefusalInside() {
    Http recruiter = Staff.signedIn(accounts, port, Role.RECRUITER);
    var ok = recruiter.get("/careers/demand?horizon-years.base=3", "HX-Request", "true");
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(ok.body())
        .startsWith("<section id=\"demand-results\"")
        .contains("Supply in 3 years")
        .contains("hx-swap-oob=\"true\"", "All states shown, in 3 years")
        .doesNotContain("<html");
    var bad = recruiter.get("/careers/demand?prevalence.base=x", "HX-Request", "true");
    assertThat(bad.statusCode()).isEqualTo(200);
    assertThat(bad.body()).contains("id=\"demand-error\"").doesNotContain("<html");
  }

  @Test
  void otherRolesAreRefused() {
    for (Role role : new Role[] {Role.SPECIALIST, Role.PAIN_PHYSICIAN, Role.NURSE}) {
      assertThat(Staff.signedIn(accounts, port, role).get("/careers/demand").statusCode())
          .isEqualTo(403);
    }
  }
}
