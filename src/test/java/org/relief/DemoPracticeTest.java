package org.relief;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.relief.conferences.CaseConference;
import org.relief.conferences.CaseConferences;
import org.relief.identity.UserAccount;
import org.relief.identity.UserAccounts;
import org.relief.patients.PatientMedications;
import org.relief.patients.PatientRegistry;
import org.relief.platform.DemoPractice;
import org.relief.platform.Role;
import org.relief.support.Browser;
import org.relief.support.Http;
import org.relief.support.TestFolders;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

class DemoPracticeTest {

  private final Path folder = TestFolders.newFolder();

  private ConfigurableApplicationContext start(String... profiles) {
    return new SpringApplicationBuilder(ReliefApplication.class)
        .profiles(profiles)
        .run("--server.port=0", "--relief.database.embedded.directory=" + folder.resolve("data"));
  }

  @Test
  void demoProfileLoadsTheSyntheticPracticeOnceAndEveryPageSaysSo() {
    try (var app = start("test", "demo")) {
      var accounts = app.getBean(UserAccounts.class);
      Map<Role, Integer> byRole = new EnumMap<>(Role.class);
      for (UserAccount a : accounts.all()) {
        a.roles().forEach(r -> byRole.merge(r, 1, Integer::sum));
        if (!a.username().equals("admin")) {
          assertThat(a.displayName()).endsWith("(synthetic)");
        }
      }
      assertThat(byRole)
          .containsEntry(Role.PAIN_PHYSICIAN, 3)
          .containsEntry(Role.SURGEON, 2)
          .containsEntry(Role.NURSE, 1)
          .containsEntry(Role.FRONT_DESK, 1)
          .containsEntry(Role.PRACTICE_ADMIN, 2)
          .containsEntry(Role.RECRUITER, 16)
          .containsEntry(Role.SPECIALIST, 80);
      assertThat(app.getBean(DemoPractice.class).loaded()).isTrue();
      var patients = app.getBean(PatientRegistry.class);
      assertThat(patients.count()).isEqualTo(200);
      assertThat(patients.search("SYN-000001"))
          .singleElement()
          .satisfies(p -> assertThat(p.synthetic()).isTrue());

      var lists =
          patients.syntheticPatientIds().stream()
              .map(app.getBean(PatientMedications.class)::current)
              .toList();
      assertThat(lists)
          .filteredOn(l -> l.mme().filter(m -> m.totalMme().intValue() >= 90).isPresent())
          .hasSizeGreaterThanOrEqualTo(3);
      assertThat(lists)
          .filteredOn(l -> l.mme().filter(m -> m.totalMme().intValue() >= 50).isPresent())
          .hasSizeGreaterThan(5);
      assertThat(lists).filteredOn(l -> !l.bleedingRisk().isEmpty()).hasSizeGreaterThan(10);

      var performed = app.getBean(org.relief.procedures.PerformedProcedures.class);
      var history =
          patients.syntheticPatientIds().stream()
              .flatMap(id -> performed.forPatient(id).stream())
              .toList();
      assertThat(history).hasSizeGreaterThan(150).allMatch(p -> p.synthetic());
      assertThat(history)
          .extracting(p -> p.procedureType())
          .contains("lumbar-mbb", "lumbar-rfa", "lumbar-tfesi", "scs-implant");

      int port = ((WebServerApplicationContext) app).getWebServer().getPort();
      Http browser = Http.browser(port);
      assertThat(browser.get("/login").body()).contains("Synthetic demo data");
      browser.signIn("dr.okafor", "synthetic-demo-only");
      assertThat(browser.get("/today").body())
          .contains("Synthetic demo data", "Dr. Amara Okafor (synthetic)");
      assertThat(browser.get("/today").body())
          .contains("Your clinic list", "New patient", "Follow-up", "Arrived", "Tasks")
          .doesNotContain("No visits booked today.");
      assertThat(
              app.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                  .sql("SELECT count(*) FROM visit_note WHERE signed_at IS NOT NULL")
                  .query(Long.class)
                  .single())
          .isGreaterThan(20);
      long patientId = patients.syntheticPatientIds().get(0);
      String chart = browser.get("/patients/" + patientId).body();
      assertThat(chart)
          .contains(
              "Synthetic demo data",
              "synthetic demo data, not a real person",
              "Diagnoses",
              "Medications",
              "Questionnaire scores");
      var bookings =
          app.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
              .sql("SELECT id, starts_at FROM procedure_booking WHERE synthetic ORDER BY starts_at")
              .query((rs, row) -> rs.getLong("id"))
              .list();
      assertThat(bookings).as("a week of weekday afternoons in two rooms").hasSize(40);
      var scheduling = app.getBean(org.relief.procedures.ProcedureScheduling.class);
      assertThat(bookings.stream().map(id -> scheduling.readiness(id).state()).distinct())
          .containsExactlyInAnyOrder(org.relief.procedures.Readiness.State.values());
      var firstDay =
          java.time.LocalDate.ofInstant(
              scheduling.find(bookings.get(0)).orElseThrow().startsAt(),
              java.time.ZoneId.of("America/New_York"));
      assertThat(browser.get("/procedures/schedule?date=" + firstDay).body())
          .contains("Room 1", "Room 2", "data-readiness=\"ready\"", "synthetic");
      assertThat(chart).contains("Care team", "Case conferences", "Surgery");

      var conferences = app.getBean(CaseConferences.class);
      assertThat(conferences.earlier(10)).hasSize(2).allMatch(CaseConference::synthetic);
      assertThat(conferences.upcoming())
          .singleElement()
          .satisfies(c -> assertThat(conferences.casesOf(c.id())).hasSize(2));
      CaseConference upcoming = conferences.upcoming().get(0);
      assertThat(browser.get("/conferences/" + upcoming.id()).body())
          .contains("Follow-through of earlier cases", "L4–L5 left microdiscectomy")
          .contains("Order EMG/NCS right arm", "Referral to pain psychology", "Outcome since");
      long pastCase = conferences.casesOfPatient(patientId).get(0).id();
      assertThat(browser.get("/conferences/cases/" + pastCase).body())
          .contains("Would repeat one TFESI before surgery.", "Lumbar transforaminal");
      if (Browser.available()) {
        ChromeDriver driver = Browser.start(1280, 2400);
        try {
          driver.get("http://localhost:" + port + "/login");
          driver.findElement(By.id("username")).sendKeys("dr.okafor");
          driver.findElement(By.id("password")).sendKeys("synthetic-demo-only", Keys.ENTER);
          new WebDriverWait(driver, Duration.ofSeconds(10))
              .until(d -> d.getCurrentUrl().endsWith("/today"));
          driver.get("http://localhost:" + port + "/patients/" + patientId);
          Browser.screenshot(driver, "demo-patient-chart");
          driver.get("http://localhost:" + port + "/procedures/schedule?date=" + firstDay);
          Browser.screenshot(driver, "demo-procedure-list");
          driver.get("http://localhost:" + port + "/today");
          Browser.screenshot(driver, "demo-today");
          driver.get(
              "http://localhost:" + port + "/conferences/" + conferences.upcoming().get(0).id());
          Browser.screenshot(driver, "demo-conference-follow-through");
          driver.manage().deleteAllCookies();
          driver.get("http://localhost:" + port + "/login");
          driver.findElement(By.id("username")).sendKeys("specialist.okafor");
          driver.findElement(By.id("password")).sendKeys("synthetic-demo-only", Keys.ENTER);
          new WebDriverWait(driver, Duration.ofSeconds(10))
              .ignoring(org.openqa.selenium.WebDriverException.class)
              .until(d -> !d.getCurrentUrl().contains("/login"));
          for (String page : new String[] {"profile", "portfolio", "matches", "applications"}) {
            driver.get("http://localhost:" + port + "/careers/" + page);
            Browser.screenshot(driver, "demo-specialist-" + page);
          }
          driver.manage().deleteAllCookies();
          driver.get("http://localhost:" + port + "/login");
          driver.findElement(By.id("username")).sendKeys("recruiter.lakeshore");
          driver.findElement(By.id("password")).sendKeys("synthetic-demo-only", Keys.ENTER);
          new WebDriverWait(driver, Duration.ofSeconds(10))
              .ignoring(org.openqa.selenium.WebDriverException.class)
              .until(d -> !d.getCurrentUrl().contains("/login"));
          for (String page : new String[] {"pipeline", "pipeline/report"}) {
            driver.get("http://localhost:" + port + "/careers/" + page);
            Browser.screenshot(driver, "demo-recruiter-" + page.replace('/', '-'));
          }
        } finally {
          driver.quit();
        }
      }
      // Outcomes fill themselves from the demo's procedures as their events flow.
      var jdbc = app.getBean(JdbcClient.class);
      long completed =
          jdbc.sql("SELECT count(*) FROM procedure_record WHERE synthetic AND status = 'completed'")
              .query(Long.class)
              .single();
      Awaitility.await()
          .atMost(Duration.ofSeconds(120))
          .until(
              () ->
                  jdbc.sql("SELECT count(*) FROM outcome_episode WHERE synthetic")
                          .query(Long.class)
                          .single()
                      == completed);
      Awaitility.await()
          .atMost(Duration.ofSeconds(120))
          .until(
              () ->
                  jdbc.sql(
                              "SELECT count(*) FROM outcome_measure m JOIN outcome_episode e"
                                  + " ON e.procedure_id = m.procedure_id"
                                  + " WHERE e.synthetic AND m.nrs IS NOT NULL")
                          .query(Long.class)
                          .single()
                      > 50);
      assertThat(browser.get("/outcomes").statusCode()).isEqualTo(200);
      // The analytics rollup holds each of the demo's follow-ups once (decision 0060).
      assertThat(
              jdbc.sql(
                      "SELECT (SELECT coalesce(sum(due), 0) FROM outcome_rollup WHERE dimension ="
                          + " 'level') = (SELECT count(*) FROM outcome_measure WHERE performed_on"
                          + " IS NOT NULL AND (status <> 'DUE' OR due_on IS NOT NULL))")
                  .query(Boolean.class)
                  .single())
          .isTrue();
      String board = Http.browser(port).get("/jobs").body();
      assertThat(board)
          .contains("Showing the first 50 postings", "(synthetic)")
          .doesNotContain("(expired)");
      assertSyntheticJobMarket(app, port);
      assertThat(
              jdbc.sql(
                      "SELECT count(*) FROM job_site s JOIN job_posting j ON j.id = s.job_id"
                          + " WHERE j.synthetic AND s.latitude IS NULL")
                  .query(Long.class)
                  .single())
          .as("every synthetic job site is placed for the distance search")
          .isZero();
    }
    try (var again = start("test", "demo")) {
      assertThat(again.getBean(UserAccounts.class).count()).isEqualTo(13 + 12 + 80);
      assertThat(again.getBean(UserAccounts.class).findByUsername("dr.okafor")).isPresent();
    }
    assertThat(folder.resolve("data/pgdata/PG_VERSION")).exists();
  }

  /** Careers (issue 8): specialists, jobs, a verified portfolio, a live pipeline, privacy. */
  private static void assertSyntheticJobMarket(ConfigurableApplicationContext app, int port) {
    var jdbc = app.getBean(JdbcClient.class);
    assertThat(jdbc.sql("SELECT count(*) FROM specialist_profile").query(Long.class).single())
        .isGreaterThanOrEqualTo(75);
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM specialist_profile WHERE npi IS NOT NULL"
                        + " AND caqh_attested_on IS NOT NULL")
                .query(Long.class)
                .single())
        .isGreaterThanOrEqualTo(75);
    String open =
        " FROM job_posting j WHERE j.synthetic AND j.status = 'PUBLISHED'"
            + " AND j.valid_through >= current_date";
    assertThat(jdbc.sql("SELECT count(*)" + open).query(Long.class).single())
        .isGreaterThanOrEqualTo(140);
    assertThat(
            jdbc.sql(
                    "SELECT count(DISTINCT s.state) FROM job_site s WHERE s.job_id IN (SELECT j.id"
                        + open
                        + ")")
                .query(Long.class)
                .single())
        .isGreaterThanOrEqualTo(20);
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM job_posting WHERE synthetic AND status = 'PUBLISHED'"
                        + " AND valid_through < current_date")
                .query(Long.class)
                .single())
        .as("a few postings have expired")
        .isGreaterThan(1);

    var accounts = app.getBean(UserAccounts.class);
    long okafor = accounts.findByUsername("specialist.okafor").orElseThrow().id();
    var links = app.getBean(org.relief.careers.portfolio.PracticeLinks.class);
    assertThat(links.ofSpecialist(okafor))
        .singleElement()
        .satisfies(
            l -> {
              assertThat(l.status())
                  .isEqualTo(org.relief.careers.portfolio.PracticeLink.Status.ATTESTED);
              assertThat(l.practiceUserId())
                  .isEqualTo(accounts.findByUsername("dr.okafor").orElseThrow().id());
              assertThat(l.decidedBy())
                  .isEqualTo(accounts.findByUsername("manager.silva").orElseThrow().id());
            });
    var portfolios = app.getBean(org.relief.careers.portfolio.Portfolios.class);
    var thisMonth = portfolios.thisMonth();
    var lines = portfolios.portfolio(okafor, thisMonth.minusMonths(35), thisMonth).lines();
    int verified = lines.stream().mapToInt(l -> l.verified()).sum();
    int performedByOkafor =
        jdbc.sql(
                "SELECT count(*) FROM procedure_record WHERE status = 'completed'"
                    + " AND operator_user_id = :u AND performed_on >= :from AND procedure_type"
                    + " NOT IN ('si-joint-injection', 'trigger-point-injection')")
            .param("u", accounts.findByUsername("dr.okafor").orElseThrow().id())
            .param("from", java.sql.Date.valueOf(thisMonth.minusMonths(35).atDay(1)))
            .query(Integer.class)
            .single();
    assertThat(verified)
        .as("drawn from the practice's procedures")
        .isPositive()
        .isEqualTo(performedByOkafor);
    assertThat(lines).anyMatch(l -> l.selfReported() > 0);

    assertThat(jdbc.sql("SELECT DISTINCT stage FROM job_application").query(String.class).list())
        .contains(
            "APPLIED", "SCREENING", "INTERVIEW", "SITE_VISIT", "OFFER", "ACCEPTED", "DECLINED");

    Http recruiter = Http.browser(port);
    recruiter.signIn("recruiter.lakeshore", "synthetic-demo-only");
    String report = recruiter.get("/careers/pipeline/report").body();
    assertThat(report).contains("Median time to fill:").doesNotContain("Median time to fill: 0.0");
    var ownApplications =
        jdbc.sql(
                "SELECT a.id, p.pref_min_compensation FROM job_application a"
                    + " JOIN specialist_profile p ON p.user_id = a.specialist_user_id"
                    + " JOIN employer_recruiter r ON r.employer_id = a.employer_id"
                    + " WHERE r.user_id = :u")
            .param("u", accounts.findByUsername("recruiter.lakeshore").orElseThrow().id())
            .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
            .list();
    assertThat(ownApplications).hasSizeGreaterThanOrEqualTo(4);
    String pipeline = recruiter.get("/careers/pipeline").body();
    for (long[] a : ownApplications) {
      String page = recruiter.get("/careers/pipeline/" + a[0]).body();
      assertThat(page)
          .contains("synthetic")
          .doesNotContain("private preferences", "Only you see this")
          .doesNotContain("state you chose", "setting you consider", "your limit", "your minimum");
      if (a[1] > 0) {
        String min = java.text.NumberFormat.getIntegerInstance(java.util.Locale.US).format(a[1]);
        assertThat(page).doesNotContain(min, Long.toString(a[1]));
        assertThat(pipeline).doesNotContain(min, Long.toString(a[1]));
      }
    }
  }

  @Test
  void withoutTheDemoProfileNothingIsSeeded() {
    try (var app = start("test")) {
      assertThat(app.getBean(UserAccounts.class).count()).isEqualTo(1);
      assertThat(app.getBean(PatientRegistry.class).count()).isZero();
      assertThat(app.getBean(DemoPractice.class).loaded()).isFalse();
      int port = ((WebServerApplicationContext) app).getWebServer().getPort();
      assertThat(Http.browser(port).get("/login").body()).doesNotContain("Synthetic demo data");
    }
  }
}
