package org.relief.careers;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.relief.careers.CareersFixtures.Recruiter;
import org.relief.careers.SpecialistProfileTest.Specialist;
import org.relief.careers.applications.Applications;
import org.relief.careers.applications.Stage;
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
class ApplicationsTest {

  @LocalServerPort int port;
  @Autowired UserAccounts accounts;
  @Autowired Employers employers;
  @Autowired Applications applications;
  @Autowired MutableClock clock;

  private Specialist specialistWithPreferences() {
    Specialist s = SpecialistProfileTest.specialist(accounts, port);
    s.http()
        .submit(
            "/careers/profile",
            "/careers/profile",
            Map.of("npi", "", "fellowship", "Pain Fellowship, Candidate University"));
    Map<String, String> prefs = new LinkedHashMap<>();
    prefs.put("prefStates", "HI, AK");
    prefs.put("prefMinCompensation", "987654");
    prefs.put("prefMaxCallNights", "1");
    prefs.put("prefSettings", "ACADEMIC");
    prefs.put("allowContact", "true");
    assertThat(
            s.http().submit("/careers/profile", "/careers/profile/preferences", prefs).statusCode())
        .isEqualTo(302);
    PortfolioTest.selfReport(
        s, "SPINAL_CORD_STIMULATION", "PRIMARY", YearMonth.from(CareersFixtures.today(clock)), 27);
    return s;
  }

  private long apply(Specialist s, long job) {
    HttpResponse<String> applied =
        s.http()
            .submit(
                "/careers/matches/" + job,
                "/careers/matches/" + job + "/apply",
                Map.of("coverNote", "Happy to visit in spring."));
    assertThat(applied.statusCode()).as(applied.body()).isEqualTo(302);
    return applications.forJob(s.account().id(), job).orElseThrow().id();
  }

  private static HttpResponse<String> move(Recruiter r, long app, String stage, String note) {
    return r.http()
        .submit(
            "/careers/pipeline/" + app,
            "/careers/pipeline/" + app + "/stage",
            Map.of("stage", stage, "note", note));
  }

  @Test
  void aSpecialistAppliesOnceAndTheRecruiterMovesTheApplicationThroughEveryStage() {
    Recruiter r = CareersFixtures.recruiter(accounts, employers, port);
    Instant published = clock.instant();
    long job =
        CareersFixtures.publish(r, CareersFixtures.posting("Pipeline — Hawaii", "HI", clock));
    Specialist s = specialistWithPreferences();
    long app = apply(s, job);
    var twice =
        s.http().submit("/careers/matches/" + job, "/careers/matches/" + job + "/apply", Map.of());
    assertThat(twice.statusCode()).isEqualTo(422);
    assertThat(twice.body()).contains("already applied");
    assertThat(s.http().get("/careers/applications").body())
        .contains("Pipeline — Hawaii", "Applied");

    assertThat(r.http().get("/careers/pipeline").body()).contains(s.account().displayName());
    Instant start = clock.instant();
    try {
      var skip = move(r, app, "OFFER", "");
      assertThat(skip.statusCode()).isEqualTo(422);
      assertThat(skip.body())
          .contains("From applied an application moves to screening or declined");
      for (String stage : List.of("SCREENING", "INTERVIEW", "SITE_VISIT", "OFFER", "ACCEPTED")) {
        clock.advance(Duration.ofDays(4));
        assertThat(move(r, app, stage, "moved to " + stage).statusCode()).isEqualTo(302);
      }
      var after = move(r, app, "DECLINED", "");
      assertThat(after.statusCode()).isEqualTo(422);
      assertThat(after.body()).contains("is accepted; it moves no further");
      assertThat(
              r.http()
                  .submit(
                      "/careers/pipeline/" + app,
                      "/careers/pipeline/" + app + "/notes",
                      Map.of("note", "Start date agreed"))
                  .statusCode())
          .isEqualTo(302);

      var page = r.http().get("/careers/pipeline/" + app);
      assertThat(page.body())
          .contains("moved to SITE_VISIT", "Start date agreed", "Happy to visit in spring.")
          .contains("Accepted");
      assertThat(applications.history(app)).hasSize(7);

      var report = r.http().get("/careers/pipeline/report");
      long days = Duration.between(published, clock.instant()).toDays();
      assertThat(report.body())
          .contains("Median time to fill: " + days + ".0 days")
          .contains(days + " days")
          .contains("Screening", "4.0 days");
      assertThat(s.http().get("/careers/applications").body()).contains("Accepted");
    } finally {
      clock.set(start);
    }
  }

  @Test
  void theRecruiterSeesProfileAndPortfolioButNeverThePrivatePreferences() {
    Recruiter r = CareersFixtures.recruiter(accounts, employers, port);
    long job =
        CareersFixtures.publish(r, CareersFixtures.posting("Pipeline — Privacy", "AK", clock));
    Specialist s = specialistWithPreferences();
    long app = apply(s, job);
    String page = r.http().get("/careers/pipeline/" + app).body();
    assertThat(page)
        .contains("Pain Fellowship, Candidate University", "Spinal cord stimulation", "27")
        .contains("Meets 1 of 4 requirements");
    assertThat(page)
        .doesNotContain("987654", "987,654")
        .doesNotContain("HI, AK")
        .doesNotContain("state you chose", "setting you consider", "your limit", "your minimum")
        .doesNotContain("private preferences", "Only you see this");
    // The full figure only: a short "987" can turn up in a page's random CSRF token.
    assertThat(r.http().get("/careers/pipeline").body()).doesNotContain("987654", "987,654");
    assertThat(r.http().get("/careers/pipeline/report").body()).doesNotContain("987654", "987,654");
  }

  @Test
  void aRecruiterOfAnotherOrganisationNeitherSeesNorMovesTheApplication() {
    Recruiter owner = CareersFixtures.recruiter(accounts, employers, port);
    Recruiter other = CareersFixtures.recruiter(accounts, employers, port);
    long job =
        CareersFixtures.publish(owner, CareersFixtures.posting("Pipeline — Owner", "VT", clock));
    Specialist s = specialistWithPreferences();
    long app = apply(s, job);

    assertThat(other.http().get("/careers/pipeline").body())
        .doesNotContain(s.account().displayName());
    assertThat(other.http().get("/careers/pipeline/" + app).statusCode()).isEqualTo(404);
    String csrf = Http.csrfTokenOf(other.http().get("/careers/pipeline").body());
    assertThat(
            other
                .http()
                .postForm(
                    "/careers/pipeline/" + app + "/stage",
                    Map.of("_csrf", csrf, "stage", "SCREENING"))
                .statusCode())
        .isEqualTo(404);
    assertThat(
            other
                .http()
                .postForm("/careers/pipeline/" + app + "/notes", Map.of("_csrf", csrf, "note", "x"))
                .statusCode())
        .isEqualTo(404);
    assertThat(other.http().get("/careers/pipeline/report").body())
        .doesNotContain("Pipeline — Owner");
    assertThat(applications.forJob(s.account().id(), job).orElseThrow().stage())
        .isEqualTo(Stage.APPLIED);
    assertThat(applications.history(app)).hasSize(1);
  }

  @Test
  void eachSideIsRefusedTheOthersPages() {
    Recruiter r = CareersFixtures.recruiter(accounts, employers, port);
    long job = CareersFixtures.publish(r, CareersFixtures.posting("Pipeline — Roles", "NH", clock));
    Specialist s = specialistWithPreferences();
    long app = apply(s, job);

    assertThat(s.http().get("/careers/pipeline").statusCode()).isEqualTo(403);
    assertThat(s.http().get("/careers/pipeline/" + app).statusCode()).isEqualTo(403);
    assertThat(s.http().get("/careers/pipeline/report").statusCode()).isEqualTo(403);
    String csrf = Http.csrfTokenOf(s.http().get("/account/security").body());
    assertThat(
            s.http()
                .postForm(
                    "/careers/pipeline/" + app + "/stage",
                    Map.of("_csrf", csrf, "stage", "ACCEPTED"))
                .statusCode())
        .isEqualTo(403);
    assertThat(r.http().get("/careers/applications").statusCode()).isEqualTo(403);
    String recruiterCsrf = Http.csrfTokenOf(r.http().get("/careers/postings").body());
    assertThat(
            r.http()
                .postForm("/careers/matches/" + job + "/apply", Map.of("_csrf", recruiterCsrf))
                .statusCode())
        .isEqualTo(403);
    for (Role role : List.of(Role.PRACTICE_ADMIN, Role.NURSE)) {
      Http other = Staff.signedIn(accounts, port, role);
      assertThat(other.get("/careers/pipeline").statusCode()).isEqualTo(403);
      assertThat(other.get("/careers/applications").statusCode()).isEqualTo(403);
    }
    assertThat(applications.forJob(s.account().id(), job).orElseThrow().stage())
        .isEqualTo(Stage.APPLIED);
  }
}
