package org.relief.careers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.relief.careers.SpecialistProfileTest.Specialist;
import org.relief.careers.jobs.ProcedureFamily;
import org.relief.careers.portfolio.Portfolios;
import org.relief.identity.UserAccounts;
import org.relief.platform.Role;
import org.relief.support.Http;
import org.relief.support.MutableClock;
import org.relief.support.ReliefIntegrationTest;
import org.relief.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@ReliefIntegrationTest
class PortfolioTest {

  @LocalServerPort int port;
  @Autowired UserAccounts accounts;
  @Autowired Portfolios portfolios;
  @Autowired JdbcClient jdbc;
  @Autowired MutableClock clock;

  private YearMonth thisMonth() {
    return YearMonth.from(LocalDate.ofInstant(clock.instant(), ZoneId.of("America/New_York")));
  }

  static void selfReport(Specialist s, String family, String role, YearMonth month, int cases) {
    var r =
        s.http()
            .submit(
                "/careers/portfolio",
                "/careers/portfolio/entries",
                Map.of(
                    "family",
                    family,
                    "guidance",
                    "FLUOROSCOPY",
                    "role",
                    role,
                    "month",
                    month.toString(),
                    "cases",
                    Integer.toString(cases),
                    "note",
                    "fellowship log"));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
  }

  @Test
  void selfReportedCountsAreLabelledAndSummedOverTheChosenPeriod() {
    Specialist s = SpecialistProfileTest.specialist(accounts, port);
    YearMonth now = thisMonth();
    selfReport(s, "SPINAL_CORD_STIMULATION", "PRIMARY", now, 4);
    selfReport(s, "SPINAL_CORD_STIMULATION", "PRIMARY", now.minusMonths(3), 6);
    selfReport(s, "SPINAL_CORD_STIMULATION", "SUPERVISED", now.minusMonths(3), 5);
    selfReport(s, "KYPHOPLASTY", "PRIMARY", now.minusMonths(14), 9);

    var year = portfolios.recentVolumes(s.account().id());
    assertThat(year.get(ProcedureFamily.SPINAL_CORD_STIMULATION).independent()).isEqualTo(10);
    assertThat(year.get(ProcedureFamily.SPINAL_CORD_STIMULATION).supervised()).isEqualTo(5);
    assertThat(year.get(ProcedureFamily.KYPHOPLASTY).independent()).isZero();

    var page = s.http().get("/careers/portfolio");
    assertThat(page.body()).contains("Self-reported", "Spinal cord stimulation", "fellowship log");
    assertThat(page.body()).doesNotContain("<td data-label=\"Procedure family\">Kyphoplasty");
    var longer =
        s.http()
            .get("/careers/portfolio?from=" + now.minusMonths(23) + "&to=" + now.minusMonths(12));
    assertThat(longer.body())
        .contains("<td data-label=\"Procedure family\">Kyphoplasty / vertebroplasty");
  }

  @Test
  void badEntriesAndPeriodsAreRefusedAndNothingIsSaved() {
    Specialist s = SpecialistProfileTest.specialist(accounts, port);
    var future =
        s.http()
            .submit(
                "/careers/portfolio",
                "/careers/portfolio/entries",
                Map.of(
                    "family", "MILD",
                    "guidance", "FLUOROSCOPY",
                    "role", "PRIMARY",
                    "month", thisMonth().plusMonths(1).toString(),
                    "cases", "3"));
    assertThat(future.statusCode()).isEqualTo(422);
    assertThat(future.body()).contains("future month");
    var zero =
        s.http()
            .submit(
                "/careers/portfolio",
                "/careers/portfolio/entries",
                Map.of(
                    "family", "MILD",
                    "guidance", "FLUOROSCOPY",
                    "role", "PRIMARY",
                    "month", thisMonth().toString(),
                    "cases", "0"));
    assertThat(zero.body()).contains("number of cases must be between 1 and 10000");
    var backwards = s.http().get("/careers/portfolio?from=2026-05&to=2026-01");
    assertThat(backwards.statusCode()).isEqualTo(422);
    assertThat(backwards.body()).contains("must start before it ends");
    assertThat(portfolios.selfReported(s.account().id())).isEmpty();
  }

  @Test
  void aSpecialistCannotRemoveAnothersEntriesAndOtherRolesCannotOpenPortfolios() {
    Specialist a = SpecialistProfileTest.specialist(accounts, port);
    Specialist b = SpecialistProfileTest.specialist(accounts, port);
    selfReport(b, "MILD", "PRIMARY", thisMonth(), 2);
    long entry = portfolios.selfReported(b.account().id()).get(0).id();
    assertThat(
            a.http()
                .submit(
                    "/careers/portfolio",
                    "/careers/portfolio/entries/" + entry + "/remove",
                    Map.of())
                .statusCode())
        .isEqualTo(404);
    assertThat(portfolios.selfReported(b.account().id())).hasSize(1);

    for (Role role : List.of(Role.RECRUITER, Role.PRACTICE_ADMIN, Role.NURSE)) {
      Http other = Staff.signedIn(accounts, port, role);
      assertThat(other.get("/careers/portfolio").statusCode()).isEqualTo(403);
      String csrf = Http.csrfTokenOf(other.get("/account/security").body());
      for (String action :
          List.of(
              "/careers/portfolio/entries", "/careers/portfolio/entries/" + entry + "/remove")) {
        assertThat(other.postForm(action, Map.of("_csrf", csrf)).statusCode())
            .as(role + " " + action)
            .isEqualTo(403);
      }
    }
    assertThat(portfolios.selfReported(b.account().id())).hasSize(1);
  }
}
