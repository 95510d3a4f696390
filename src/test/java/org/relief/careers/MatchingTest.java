package org.relief.careers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.relief.careers.CareersFixtures.Recruiter;
import org.relief.careers.SpecialistProfileTest.Specialist;
import org.relief.careers.employers.Employers;
import org.relief.identity.UserAccounts;
import org.relief.platform.Role;
import org.relief.support.Http;
import org.relief.support.MutableClock;
import org.relief.support.ReliefIntegrationTest;
import org.relief.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@ReliefIntegrationTest
class MatchingTest {

  @LocalServerPort int port;
  @Autowired UserAccounts accounts;
  @Autowired Employers employers;
  @Autowired MutableClock clock;

  private YearMonth thisMonth() {
    return YearMonth.from(CareersFixtures.today(clock));
  }

  @Test
  void aSpecialistSeesRequirementsLicencePathDeaBoardAndEveryPartOfTheEstimate() {
    Recruiter r = CareersFixtures.recruiter(accounts, employers, port);
    long job =
        CareersFixtures.publish(r, CareersFixtures.posting("Match Test — Idaho", "ID", clock));
    Specialist s = SpecialistProfileTest.specialist(accounts, port);
    s.http()
        .submit(
            "/careers/profile",
            "/careers/profile/licences",
            Map.of("licState", "UT", "licNumber", "UT-9", "licStatus", "ACTIVE"));
    s.http()
        .submit(
            "/careers/profile",
            "/careers/profile/boards",
            Map.of("boardBoard", "ABMS", "boardSpecialty", "Pain Medicine"));
    PortfolioTest.selfReport(s, "SPINAL_CORD_STIMULATION", "PRIMARY", thisMonth(), 30);

    var page = s.http().get("/careers/matches/" + job);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("Meets 2 of 4 requirements — gaps: DRG stimulation, Licence in ID")
        .contains("needs 25 in the last 12 months; you have 30 (0 verified, 30 self-reported)")
        .contains("IMLC-eligible", "DEA needed")
        .contains(
            "accepts ABMS (ABA, ABPMR, ABPN); you hold ABMS (ABA, ABPMR, ABPN) in Pain Medicine")
        // 30 SCS x 9 = 270 wRVUs; (270 - 100) x $50 = $8,500; call 2 x 12 x $1,500 = $36,000.
        .contains(
            "$8,500",
            "$36,000",
            "$494,500",
            "$544,500",
            "wRVUs per case (setting — unconfirmed, confirm locally)");

    var list = s.http().get("/careers/matches?state=ID");
    assertThat(list.body()).contains("Match Test — Idaho", "2 of 4");
    assertThat(s.http().get("/jobs/" + job).body()).contains("See how you match and apply");
    assertThat(Http.browser(port).get("/jobs/" + job).body()).doesNotContain("See how you match");
  }

  @Test
  void aClosedOrExpiredJobHasNoMatchPage() {
    Recruiter r = CareersFixtures.recruiter(accounts, employers, port);
    long job =
        CareersFixtures.publish(r, CareersFixtures.posting("Match Test — Expiring", "MT", clock));
    Specialist s = SpecialistProfileTest.specialist(accounts, port);
    assertThat(s.http().get("/careers/matches/" + job).statusCode()).isEqualTo(200);
    Instant start = clock.instant();
    try {
      clock.advance(Duration.ofDays(40));
      assertThat(s.http().get("/careers/matches/" + job).statusCode()).isEqualTo(404);
    } finally {
      clock.set(start);
    }
    assertThat(s.http().get("/careers/matches/999999999").statusCode()).isEqualTo(404);
  }

  @Test
  void onlySpecialistsHaveMatches() {
    Recruiter r = CareersFixtures.recruiter(accounts, employers, port);
    long job =
        CareersFixtures.publish(r, CareersFixtures.posting("Match Test — Roles", "WY", clock));
    assertThat(r.http().get("/careers/matches").statusCode()).isEqualTo(403);
    assertThat(r.http().get("/careers/matches/" + job).statusCode()).isEqualTo(403);
    for (Role role : List.of(Role.PRACTICE_ADMIN, Role.PAIN_PHYSICIAN)) {
      Http other = Staff.signedIn(accounts, port, role);
      assertThat(other.get("/careers/matches/" + job).statusCode()).isEqualTo(403);
    }
  }
}
