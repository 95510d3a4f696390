package org.relief.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.relief.assessments.Instruments;
import org.relief.assessments.PatientQuestionnaires;
import org.relief.assessments.questionnaires.QuestionnaireRepository;
import org.relief.identity.UserAccount;
import org.relief.identity.UserAccounts;
import org.relief.outcomes.OutcomeFixture;
import org.relief.patients.PatientRegistry;
import org.relief.patients.diagnoses.PatientDiagnoses;
import org.relief.platform.Role;
import org.relief.procedures.PerformedProcedure;
import org.relief.procedures.PerformedProcedures;
import org.relief.support.Browser;
import org.relief.support.MutableClock;
import org.relief.support.ReliefIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

@ReliefIntegrationTest
class OutcomesBrowserTest {

  private static final String[] TIMEPOINTS = {"P2W", "P6W", "P3M", "P6M", "P12M"};
  private static boolean seeded;
  private static LocalDate from;
  private static long firstEpisode;

  @LocalServerPort int port;
  @Autowired PatientRegistry registry;
  @Autowired PatientDiagnoses diagnoses;
  @Autowired UserAccounts accounts;
  @Autowired PerformedProcedures procedures;
  @Autowired Instruments instruments;
  @Autowired QuestionnaireRepository responses;
  @Autowired PatientQuestionnaires questionnaires;
  @Autowired ApplicationEventPublisher events;
  @Autowired TransactionTemplate tx;
  @Autowired JdbcClient jdbc;
  @Autowired MutableClock clock;

  private ChromeDriver driver;

  @AfterEach
  void quit() {
    if (driver != null) {
      driver.quit();
    }
  }

  /** Sixteen episodes of two procedures whose relief fades over a year, some follow-ups missed. */
  private void seed() {
    if (seeded) {
      return;
    }
    OutcomeFixture fixture =
        new OutcomeFixture(
            registry,
            diagnoses,
            accounts,
            procedures,
            instruments,
            responses,
            questionnaires,
            events,
            tx,
            jdbc);
    from = LocalDate.now(clock).minusDays(900);
    List<UserAccount> physicians = List.of(fixture.physician(), fixture.physician());
    for (int i = 0; i < 16; i++) {
      boolean rfa = i % 2 == 0;
      PerformedProcedure p =
          fixture.procedure(
              fixture.patient(i % 3 == 0 ? "M54.50" : "M54.2"),
              physicians.get(i % 2),
              rfa ? "lumbar-rfa" : "cervical-ilesi",
              from.plusDays(i),
              rfa ? List.of("L4–L5") : List.of("C6–C7"),
              8);
      if (i == 0) {
        firstEpisode = p.id();
      }
      for (int t = 0; t < TIMEPOINTS.length; t++) {
        LocalDate due = p.performedOn().plus(java.time.Period.parse(TIMEPOINTS[t]));
        fixture.scheduled(p, TIMEPOINTS[t], due);
        if ((i + t) % 5 == 4) {
          fixture.missed(p, TIMEPOINTS[t]);
        } else {
          int nrs = Math.min(10, 1 + t + (i % 4));
          fixture.answered(p, TIMEPOINTS[t], due.plusDays(1), Map.of("nrs", nrs));
        }
      }
    }
    seeded = true;
  }

  @ParameterizedTest(name = "{2}")
  @CsvSource({"1280, 900, desktop", "390, 844, phone"})
  void physicianSeesRespondersOverTimeAsAChartAndTheSameFiguresAsATable(
      int width, int height, String size) {
    seed();
    if (accounts.findByUsername("browser.outcomes").isEmpty()) {
      accounts.create(
          new UserAccounts.NewUser(
              "browser.outcomes",
              "Dr. Outcome Viewer",
              "browser-pass-123",
              Set.of(Role.PAIN_PHYSICIAN)));
    }
    String base = "http://localhost:" + port;
    driver = Browser.start(width, height);
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));
    driver.get(base + "/login");
    driver.findElement(By.id("username")).sendKeys("browser.outcomes");
    driver.findElement(By.id("password")).sendKeys("browser-pass-123", Keys.ENTER);
    wait.until(d -> d.getCurrentUrl().endsWith("/today"));

    driver.findElement(By.linkText("Outcomes")).click();
    wait.until(d -> d.getCurrentUrl().contains("/outcomes"));
    driver.get(base + "/outcomes?from=" + from + "&to=" + from.plusDays(15) + "&timepoint=P3M");
    wait.until(d -> !d.findElements(By.cssSelector("#outcome-chart canvas")).isEmpty());

    assertThat(driver.findElement(By.id("outcome-chart")).isDisplayed()).isTrue();
    assertThat(driver.findElement(By.id("timepoint-table")).getText())
        .contains("2 weeks", "6 weeks", "3 months", "6 months", "1 year");
    assertThat(driver.findElement(By.id("procedure-table")).getText())
        .contains("Lumbar facet radiofrequency ablation")
        .contains("Cervical interlaminar epidural steroid injection");
    assertThat(driver.findElement(By.cssSelector("[aria-current=page]")).getText())
        .isEqualTo("Outcomes");
    Browser.screenshot(driver, "outcomes-analytics-" + size);
    driver.executeScript(
        "arguments[0].scrollIntoView()", driver.findElement(By.id("outcome-chart")));
    Browser.screenshot(driver, "outcomes-analytics-chart-" + size);
    driver.executeScript(
        "arguments[0].scrollIntoView()", driver.findElement(By.id("procedure-table")));
    Browser.screenshot(driver, "outcomes-analytics-tables-" + size);

    driver.findElement(By.name("procedure")).sendKeys("Lumbar facet");
    driver.findElement(By.cssSelector(".filters button[type=submit]")).click();
    wait.until(d -> d.getCurrentUrl().contains("procedure=lumbar-rfa"));
    assertThat(driver.findElement(By.id("procedure-table")).getText())
        .doesNotContain("Cervical interlaminar");

    driver.get(base + "/outcomes/episodes/" + firstEpisode);
    assertThat(driver.findElement(By.id("episode-points")).getText())
        .contains("2 weeks", "1 year", "−87.5 %");
    assertThat(driver.findElement(By.id("relief-duration")).getText()).startsWith("At least");
    Browser.screenshot(driver, "outcomes-episode-" + size);
  }
}
