package org.relief.careers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.relief.careers.SpecialistProfileTest.Specialist;
import org.relief.careers.jobs.ProcedureFamily;
import org.relief.careers.portfolio.Portfolios;
import org.relief.careers.portfolio.PracticeLinks;
import org.relief.identity.UserAccount;
import org.relief.identity.UserAccounts;
import org.relief.patients.Patient;
import org.relief.patients.PatientDetails;
import org.relief.patients.PatientRegistry;
import org.relief.patients.Sex;
import org.relief.platform.Role;
import org.relief.procedures.Laterality;
import org.relief.procedures.PerformedProcedures;
import org.relief.procedures.PerformedProcedures.Completed;
import org.relief.support.Http;
import org.relief.support.MutableClock;
import org.relief.support.ReliefIntegrationTest;
import org.relief.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@ReliefIntegrationTest
class VerifiedPortfolioTest {

  private static final AtomicInteger SEQ = new AtomicInteger();
  private static final Pattern SHARE_URL =
      Pattern.compile("value=\"http://localhost:\\d+(/portfolio/shared/[A-Za-z0-9_-]{43})\"");

  @LocalServerPort int port;
  @Autowired UserAccounts accounts;
  @Autowired PatientRegistry registry;
  @Autowired PerformedProcedures performed;
  @Autowired Portfolios portfolios;
  @Autowired PracticeLinks links;
  @Autowired MutableClock clock;
  @Autowired JdbcClient jdbc;

  /**
   * A physician of the practice with procedures: 2 RFAs this month, 1 last month, 1 trigger point.
   */
  private UserAccount physicianWithProcedures() {
    int n = SEQ.incrementAndGet();
    UserAccount physician =
        accounts.create(
            new UserAccounts.NewUser(
                "portfolio-operator-" + n + "-" + System.nanoTime() % 100000,
                "Dr Operator " + n,
                "a-long-enough-pass",
                Set.of(Role.PAIN_PHYSICIAN)));
    Patient patient =
        registry.register(
            new PatientDetails(
                "VP-" + n + "-" + System.nanoTime() % 100000,
                "Zebulon",
                "Quartermaine",
                LocalDate.of(1950, 1, 2),
                Sex.MALE,
                null,
                null,
                "en"));
    LocalDate today = LocalDate.now(clock);
    LocalDate thisMonth = today.withDayOfMonth(1);
    LocalDate lastMonth = thisMonth.minusMonths(1).plusDays(9);
    for (LocalDate on : List.of(thisMonth, thisMonth, lastMonth)) {
      performed.recordCompleted(
          new Completed(
              patient.id(),
              "lumbar-rfa",
              on,
              physician.id(),
              List.of("L4–L5"),
              Laterality.RIGHT,
              7,
              2));
    }
    performed.recordCompleted(
        new Completed(
            patient.id(),
            "trigger-point-injection",
            thisMonth,
            physician.id(),
            List.of(),
            Laterality.LEFT,
            null,
            null));
    return physician;
  }

  private long requestLink(Specialist s, UserAccount physician) {
    var asked =
        s.http()
            .submit(
                "/careers/portfolio",
                "/careers/portfolio/links",
                Map.of("practiceUsername", physician.username()));
    assertThat(asked.statusCode()).as(asked.body()).isEqualTo(302);
    return links.ofSpecialist(s.account().id()).get(0).id();
  }

  @Test
  void theAdministratorAttestsTheLinkAndTheCountsWhichBecomeVerifiedWithoutPatientDetail() {
    UserAccount physician = physicianWithProcedures();
    Specialist s = SpecialistProfileTest.specialist(accounts, port);
    long link = requestLink(s, physician);
    assertThat(s.http().get("/careers/portfolio").body())
        .contains("Waiting for the practice administrator");
    String csrf = Http.csrfTokenOf(s.http().get("/account/security").body());
    assertThat(
            s.http()
                .postForm(
                    "/careers/attestations/" + link + "/link",
                    Map.of("_csrf", csrf, "decision", "attest"))
                .statusCode())
        .as("a specialist cannot attest their own link")
        .isEqualTo(403);

    Http admin = Staff.signedIn(accounts, port, Role.PRACTICE_ADMIN);
    assertThat(admin.get("/careers/attestations").body()).contains(s.account().displayName());
    assertThat(admin.get("/careers/attestations/" + link).body())
        .doesNotContain("Attest these counts");
    var attested =
        admin.submit(
            "/careers/attestations/" + link,
            "/careers/attestations/" + link + "/link",
            Map.of("decision", "attest"));
    assertThat(attested.statusCode()).isEqualTo(302);
    var countsPage = admin.get("/careers/attestations/" + link);
    assertThat(countsPage.body())
        .contains("3 procedures performed by", "1 more of types no job asks for are not counted")
        .contains("Radiofrequency ablation")
        .doesNotContain("Zebulon", "Quartermaine", "L4–L5", "VP-");

    YearMonth now = YearMonth.from(LocalDate.now(clock));
    Map<String, String> period =
        Map.of("from", now.minusMonths(23).toString(), "to", now.toString());
    var done =
        admin.submit(
            "/careers/attestations/" + link, "/careers/attestations/" + link + "/counts", period);
    assertThat(done.statusCode()).isEqualTo(200);
    assertThat(done.body()).contains("3 procedures attested");
    admin.submit(
        "/careers/attestations/" + link, "/careers/attestations/" + link + "/counts", period);
    var volume =
        portfolios.recentVolumes(s.account().id()).get(ProcedureFamily.RADIOFREQUENCY_ABLATION);
    assertThat(volume.verifiedIndependent()).as("attesting twice replaces, not adds").isEqualTo(3);
    assertThat(volume.selfReportedIndependent()).isZero();
    assertThat(s.http().get("/careers/portfolio").body())
        .contains("Attested by the practice administrator")
        .doesNotContain("Zebulon");

    long verifiedEntry =
        jdbc.sql("SELECT min(id) FROM portfolio_entry WHERE user_id = :u AND source = 'VERIFIED'")
            .param("u", s.account().id())
            .query(Long.class)
            .single();
    assertThat(
            s.http()
                .submit(
                    "/careers/portfolio",
                    "/careers/portfolio/entries/" + verifiedEntry + "/remove",
                    Map.of())
                .statusCode())
        .as("verified counts cannot be removed by the specialist")
        .isEqualTo(404);
    List<String> columns =
        jdbc.sql(
                "SELECT column_name FROM information_schema.columns"
                    + " WHERE table_name = 'portfolio_entry'")
            .query(String.class)
            .list();
    assertThat(columns).noneMatch(c -> c.contains("patient") || c.contains("procedure_id"));
  }

  @Test
  void aLinkToAnAccountThatIsNotAPhysicianIsRefusedAndCountsWaitForTheLink() {
    Specialist s = SpecialistProfileTest.specialist(accounts, port);
    var refused =
        s.http()
            .submit(
                "/careers/portfolio",
                "/careers/portfolio/links",
                Map.of("practiceUsername", "no-such-physician"));
    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(refused.body()).contains("There is no physician account", "no-such-physician");

    long link = requestLink(s, physicianWithProcedures());
    Http admin = Staff.signedIn(accounts, port, Role.PRACTICE_ADMIN);
    YearMonth now = YearMonth.from(LocalDate.now(clock));
    var early =
        admin.submit(
            "/careers/attestations/" + link,
            "/careers/attestations/" + link + "/counts",
            Map.of("from", now.toString(), "to", now.toString()));
    assertThat(early.statusCode()).isEqualTo(422);
    assertThat(early.body()).contains("Attest that the accounts belong to one person");
    assertThat(portfolios.recentVolumes(s.account().id()).values())
        .allMatch(v -> v.verifiedIndependent() == 0);
    for (Role role : List.of(Role.RECRUITER, Role.SPECIALIST, Role.PAIN_PHYSICIAN)) {
      Http other = Staff.signedIn(accounts, port, role);
      assertThat(other.get("/careers/attestations").statusCode()).as(role.name()).isEqualTo(403);
      assertThat(other.get("/careers/attestations/" + link).statusCode()).isEqualTo(403);
    }
  }

  @Test
  void aShareLinkShowsCountsWithoutPatientsUntilItExpiresOrIsWithdrawn() {
    Specialist s = SpecialistProfileTest.specialist(accounts, port);
    PortfolioTest.selfReport(s, "KYPHOPLASTY", "PRIMARY", YearMonth.from(LocalDate.now(clock)), 12);
    var made =
        s.http().submit("/careers/portfolio", "/careers/portfolio/shares", Map.of("days", "2"));
    assertThat(made.statusCode()).isEqualTo(200);
    Matcher m = SHARE_URL.matcher(made.body());
    assertThat(m.find()).as("the page shows the new link once").isTrue();
    String path = m.group(1);
    String token = path.substring(path.lastIndexOf('/') + 1);
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM portfolio_share WHERE encode(token_digest, 'escape') LIKE :t")
                .param("t", "%" + token + "%")
                .query(Long.class)
                .single())
        .as("the token itself is not stored")
        .isZero();

    Http anyone = Http.browser(port);
    var shared = anyone.get(path);
    assertThat(shared.statusCode()).isEqualTo(200);
    assertThat(shared.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
    assertThat(shared.body())
        .contains(s.account().displayName(), "Kyphoplasty / vertebroplasty", ">12<")
        .contains("no patient or procedure record is shown");
    assertThat(anyone.get("/portfolio/shared/" + "x".repeat(43)).statusCode()).isEqualTo(404);
    assertThat(anyone.get("/portfolio/shared/short").statusCode()).isEqualTo(404);

    Instant start = clock.instant();
    try {
      clock.advance(Duration.ofDays(2).plusMinutes(1));
      var expired = anyone.get(path);
      assertThat(expired.statusCode()).isEqualTo(410);
      assertThat(expired.body()).contains("has expired").doesNotContain("Kyphoplasty");
    } finally {
      clock.set(start);
    }
    assertThat(anyone.get(path).statusCode()).isEqualTo(200);

    long shareId =
        jdbc.sql("SELECT max(id) FROM portfolio_share WHERE user_id = :u")
            .param("u", s.account().id())
            .query(Long.class)
            .single();
    Specialist other = SpecialistProfileTest.specialist(accounts, port);
    assertThat(
            other
                .http()
                .submit(
                    "/careers/portfolio",
                    "/careers/portfolio/shares/" + shareId + "/revoke",
                    Map.of())
                .statusCode())
        .isEqualTo(404);
    assertThat(anyone.get(path).statusCode()).isEqualTo(200);
    s.http()
        .submit("/careers/portfolio", "/careers/portfolio/shares/" + shareId + "/revoke", Map.of());
    assertThat(anyone.get(path).statusCode()).isEqualTo(410);

    var tooLong =
        s.http().submit("/careers/portfolio", "/careers/portfolio/shares", Map.of("days", "90"));
    assertThat(tooLong.statusCode()).isEqualTo(422);
    assertThat(tooLong.body()).contains("works for 1 to 30 days");
  }
}
