package org.relief.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.relief.identity.UserAccount;
import org.relief.identity.UserAccounts;
import org.relief.patients.Patient;
import org.relief.patients.PatientDetails;
import org.relief.patients.PatientRegistry;
import org.relief.patients.Sex;
import org.relief.patients.diagnoses.DiagnosisRank;
import org.relief.patients.diagnoses.DiagnosisStatus;
import org.relief.patients.diagnoses.PatientDiagnoses;
import org.relief.platform.PracticeSettings;
import org.relief.platform.Role;
import org.relief.procedures.Laterality;
import org.relief.procedures.PerformedProcedures;
import org.relief.support.Browser;
import org.relief.support.MutableClock;
import org.relief.support.ReliefIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@ReliefIntegrationTest
class ConferenceBrowserTest {

  @LocalServerPort int port;
  @Autowired UserAccounts accounts;
  @Autowired PatientRegistry registry;
  @Autowired PatientDiagnoses diagnoses;
  @Autowired PerformedProcedures procedures;
  @Autowired JdbcClient jdbc;
  @Autowired MutableClock clock;
  @Autowired PracticeSettings practice;

  private ChromeDriver driver;

  @AfterEach
  void quit() {
    clock.set(java.time.Instant.now());
    if (driver != null) {
      driver.quit();
    }
  }

  private UserAccount account(String username, String name, Role role) {
    return accounts
        .findByUsername(username)
        .orElseGet(
            () ->
                accounts.create(
                    new UserAccounts.NewUser(username, name, "browser-pass-123", Set.of(role))));
  }

  private void score(long patientId, String instrument, LocalDate on, double score) {
    jdbc.sql(
            "INSERT INTO questionnaire_response (patient_id, instrument, instrument_version,"
                + " scored_at, score, band, subscores, flags, answered)"
                + " VALUES (:p, :i, '1', :at, :s, null, '{}'::jsonb, '[]'::jsonb, 1)")
        .param("p", patientId)
        .param("i", instrument)
        .param("at", Timestamp.from(on.atTime(12, 0).atZone(practice.timeZone()).toInstant()))
        .param("s", score)
        .update();
  }

  private void setValue(String id, String value) {
    WebElement field = driver.findElement(By.id(id));
    driver.executeScript("arguments[0].value = arguments[1];", field, value);
  }

  @Test
  void aPhysicianTakesACaseFromNominationToARecommendationWithDissentAndAnAction() {
    UserAccount doctor =
        account("browser.conf.doctor", "Dr. Ines Varga (test)", Role.PAIN_PHYSICIAN);
    UserAccount surgeon = account("browser.conf.surgeon", "Dr. Omar Haddad (test)", Role.SURGEON);
    Patient patient =
        registry.register(
            new PatientDetails(
                "BR-CONF-" + (System.nanoTime() % 1_000_000),
                "Lindholm",
                "Marit",
                LocalDate.of(1958, 4, 12),
                Sex.FEMALE,
                null,
                null,
                "en"));
    LocalDate today = LocalDate.now(clock.withZone(practice.timeZone()));
    diagnoses.add(patient.id(), "M54.16", DiagnosisRank.PRIMARY, DiagnosisStatus.ACTIVE, null);
    for (int i = 0; i < 6; i++) {
      score(patient.id(), "nrs", today.minusDays(300 - 50L * i), 8 - (i % 3));
      score(patient.id(), "odi", today.minusDays(300 - 50L * i), 56 - 3 * i);
    }
    procedures.recordCompleted(
        new PerformedProcedures.Completed(
            patient.id(),
            "lumbar-tfesi",
            today.minusDays(120),
            doctor.id(),
            List.of("L4–L5"),
            Laterality.LEFT,
            8,
            3));

    String base = "http://localhost:" + port;
    driver = Browser.start(1280, 2200);
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));
    // A page being replaced can answer "stale element" or "node does not belong to the document".
    wait.ignoring(org.openqa.selenium.WebDriverException.class);
    driver.get(base + "/login");
    driver.findElement(By.id("username")).sendKeys("browser.conf.doctor");
    driver.findElement(By.id("password")).sendKeys("browser-pass-123", Keys.ENTER);
    wait.until(d -> d.getCurrentUrl().endsWith("/today"));

    driver.get(base + "/patients/" + patient.id());
    new Select(driver.findElement(By.id("care-team-add-chart")))
        .selectByVisibleText("Dr. Ines Varga (test)");
    driver.findElement(By.xpath("//button[text()='Add to care team']")).click();
    wait.until(d -> d.findElement(By.id("care-team")).getText().contains("Added to the care team"));
    assertThat(driver.findElement(By.id("care-team")).getText()).contains("Dr. Ines Varga (test)");
    Browser.screenshot(driver, "conference-chart-care-team");

    driver.get(base + "/conferences");
    WebElement title = driver.findElement(By.id("title"));
    title.clear();
    title.sendKeys("Thursday spine conference");
    setValue("date", today.plusDays(1).toString());
    setValue("time", "07:30");
    driver
        .findElement(
            By.xpath("//label[span[text()='Dr. Omar Haddad (test)']]/input[@name='attendees']"))
        .click();
    Browser.screenshot(driver, "conference-schedule");
    driver.findElement(By.xpath("//button[text()='Schedule']")).click();
    wait.until(
        d -> d.findElement(By.tagName("h1")).getText().contains("Thursday spine conference"));
    assertThat(driver.findElement(By.tagName("main")).getText())
        .contains("Dr. Ines Varga (test)", "Dr. Omar Haddad (test)", "No patient is nominated yet");

    driver.get(base + "/patients/" + patient.id());
    driver.findElement(By.linkText("Nominate for a case conference")).click();
    wait.until(d -> d.getCurrentUrl().contains("/conferences/nominate"));
    new Select(driver.findElement(By.id("conferenceId")))
        .selectByIndex(
            new Select(driver.findElement(By.id("conferenceId"))).getOptions().size() - 1);
    driver
        .findElement(By.id("question"))
        .sendKeys("Left L5 radiculopathy despite TFESI: decompression or repeat injection?");
    driver
        .findElement(By.id("imagingReport"))
        .sendKeys("MRI 2026-09-01: L4-L5 left paracentral extrusion contacting the L5 root.");
    driver.findElement(By.id("ptWeeks")).sendKeys("12");
    driver.findElement(By.id("medicationsTried")).sendKeys("gabapentin, stopped for sedation");
    Browser.screenshot(driver, "conference-nominate");
    driver.findElement(By.xpath("//button[text()='Nominate']")).click();
    wait.until(d -> d.getCurrentUrl().matches(".*/conferences/cases/\\d+"));
    String packet = driver.findElement(By.tagName("main")).getText();
    assertThat(packet)
        .contains("decompression or repeat injection?", "M54.16", "paracentral extrusion")
        .contains("Lumbar transforaminal epidural steroid injection", "8 → 3", "12 weeks")
        .contains("Score trajectory", "The recommendation is recorded from the conference day on");
    Browser.screenshot(driver, "conference-packet");
    String packetUrl = driver.getCurrentUrl();

    clock.advance(Duration.ofDays(1));
    driver.get(packetUrl);
    driver.findElement(By.id("discussion")).sendKeys("Concordant imaging; short TFESI response.");
    driver.findElement(By.cssSelector("input[name='kind'][value='SURGERY']")).click();
    driver.findElement(By.id("operation")).sendKeys("L4–L5 left microdiscectomy");
    driver.findElement(By.id("rationale")).sendKeys("Single-level concordant extrusion.");
    driver.findElement(By.xpath("//button[text()='Record the recommendation']")).click();
    wait.until(d -> !d.findElements(By.id("dissent")).isEmpty());

    new Select(driver.findElement(By.id("dissenter")))
        .selectByVisibleText("Dr. Omar Haddad (test)");
    driver.findElement(By.id("note")).sendKeys("Would repeat one injection first.");
    driver.findElement(By.xpath("//button[text()='Record dissent']")).click();
    wait.until(
        d ->
            d.findElement(By.id("dissent"))
                .getText()
                .contains("Would repeat one injection first."));
    new Select(driver.findElement(By.id("kind"))).selectByVisibleText("Referral");
    driver.findElement(By.id("description")).sendKeys("Surgical consultation with Dr. Haddad");
    new Select(driver.findElement(By.id("ownerId"))).selectByVisibleText("Dr. Omar Haddad (test)");
    driver.findElement(By.xpath("//button[text()='Add action']")).click();
    wait.until(
        d ->
            d.findElement(By.id("actions"))
                .getText()
                .contains("Surgical consultation with Dr. Haddad"));
    String decided = driver.findElement(By.tagName("main")).getText();
    assertThat(decided)
        .contains("Surgery: L4–L5 left microdiscectomy", "Single-level concordant extrusion.")
        .contains("Dr. Omar Haddad (test): Would repeat one injection first.");
    driver.executeScript(
        "document.getElementById('recommendation').scrollIntoView({block: 'start'});");
    Browser.screenshot(driver, "conference-recommendation");
    driver.findElement(By.linkText("Back to the conference")).click();
    wait.until(
        d -> d.findElement(By.tagName("h1")).getText().contains("Thursday spine conference"));
    assertThat(driver.findElement(By.tagName("main")).getText())
        .contains("Lindholm, Marit", "Surgery", "decompression or repeat injection?");
    Browser.screenshot(driver, "conference-page");

    driver.manage().window().setSize(new org.openqa.selenium.Dimension(390, 2400));
    driver.get(packetUrl);
    Browser.screenshot(driver, "conference-packet-phone");
    Object overflow =
        driver.executeScript(
            "return document.documentElement.scrollWidth > document.documentElement.clientWidth;");
    assertThat(overflow).isEqualTo(false);
  }
}
