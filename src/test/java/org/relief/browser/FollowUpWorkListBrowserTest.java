package org.relief.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.relief.followups.FollowUpFixtures.eventually;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.relief.followups.FollowUpFixtures;
import org.relief.identity.UserAccount;
import org.relief.identity.UserAccounts;
import org.relief.patients.PatientRegistry;
import org.relief.platform.Role;
import org.relief.procedures.PerformedProcedure;
import org.relief.procedures.PerformedProcedures;
import org.relief.support.Browser;
import org.relief.support.MutableClock;
import org.relief.support.ReliefIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@ReliefIntegrationTest
class FollowUpWorkListBrowserTest {

  @LocalServerPort int port;
  @Autowired UserAccounts accounts;
  @Autowired PatientRegistry registry;
  @Autowired PerformedProcedures performed;
  @Autowired MutableClock clock;
  @Autowired JdbcClient jdbc;

  private ChromeDriver driver;

  @AfterEach
  void quit() {
    if (driver != null) {
      driver.quit();
    }
  }

  private long followUp(PerformedProcedure p, String timepoint) {
    return eventually(
            () ->
                jdbc.sql("SELECT id FROM follow_up WHERE procedure_id = :p AND timepoint = :t")
                    .param("p", p.id())
                    .param("t", timepoint)
                    .query(Long.class)
                    .optional(),
            found -> found.isPresent())
        .orElseThrow();
  }

  private WebElement item(long id) {
    return driver.findElement(By.id("fu-" + id));
  }

  @Test
  void aNurseWorksTheEveningListRedFlagsFirstAndDocumentsCallsInTwoClicks() {
    FollowUpFixtures fixtures = new FollowUpFixtures(registry, accounts, performed, clock);
    UserAccount physician = fixtures.physician();
    long routine =
        followUp(
            fixtures.perform(
                fixtures.patient(),
                physician,
                "lumbar-tfesi",
                fixtures.today().minusDays(1),
                "L4–L5"),
            "P1D");
    long missed =
        followUp(
            fixtures.perform(
                fixtures.patient(),
                physician,
                "lumbar-rfa",
                fixtures.today().minusDays(19),
                "L3–L4"),
            "P2W");
    long flagged =
        followUp(
            fixtures.perform(
                fixtures.patient(),
                physician,
                "cervical-tfesi",
                fixtures.today().minusDays(14),
                "C6–C7"),
            "P2W");
    jdbc.sql(
            "UPDATE follow_up SET red_flags = '{fever,positional-headache}', red_flags_at = now()"
                + " WHERE id = :id")
        .param("id", flagged)
        .update();
    if (accounts.findByUsername("browser.nurse.fu").isEmpty()) {
      accounts.create(
          new UserAccounts.NewUser(
              "browser.nurse.fu", "Test Nurse", "browser-pass-123", Set.of(Role.NURSE)));
    }

    driver = Browser.start(1280, 1000);
    driver.get("http://localhost:" + port + "/login");
    driver.findElement(By.id("username")).sendKeys("browser.nurse.fu");
    driver.findElement(By.id("password")).sendKeys("browser-pass-123", Keys.ENTER);
    new WebDriverWait(driver, Duration.ofSeconds(10))
        .until(d -> !d.getCurrentUrl().endsWith("/login"));
    driver.findElement(By.linkText("Follow-ups")).click();
    new WebDriverWait(driver, Duration.ofSeconds(10))
        .until(d -> d.findElement(By.tagName("h1")).getText().equals("Evening follow-ups"));

    List<String> order =
        driver.findElements(By.cssSelector(".fu-item")).stream()
            .map(e -> e.getAttribute("id"))
            .filter(
                id ->
                    id.equals("fu-" + flagged)
                        || id.equals("fu-" + missed)
                        || id.equals("fu-" + routine))
            .toList();
    assertThat(order).containsExactly("fu-" + flagged, "fu-" + missed, "fu-" + routine);
    assertThat(item(flagged).findElement(By.cssSelector(".fu-rank")).getText())
        .isEqualTo("Red flag");
    assertThat(item(flagged).getText()).contains("Fever", "Positional headache");
    assertThat(item(missed).findElement(By.cssSelector(".fu-rank")).getText()).isEqualTo("Missed");
    ((org.openqa.selenium.JavascriptExecutor) driver)
        .executeScript("arguments[0].scrollIntoView()", item(flagged));
    Browser.screenshot(driver, "followups-worklist");

    item(flagged).findElement(By.cssSelector("input[name=flag][value=fever]")).click();
    item(flagged).findElement(By.cssSelector("button[value=escalated]")).click();
    new WebDriverWait(driver, Duration.ofSeconds(10))
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(d -> item(flagged).getText().contains("Call documented: Escalated to physician"));

    item(routine).findElement(By.cssSelector("button[value=reached]")).click();
    new WebDriverWait(driver, Duration.ofSeconds(10))
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(d -> item(routine).getText().contains("Call documented: Reached"));
    assertThat(driver.getCurrentUrl()).endsWith("/followups");
    ((org.openqa.selenium.JavascriptExecutor) driver)
        .executeScript("arguments[0].scrollIntoView()", item(flagged));
    Browser.screenshot(driver, "followups-worklist-documented");

    driver.navigate().refresh();
    new WebDriverWait(driver, Duration.ofSeconds(10))
        .until(d -> d.findElement(By.tagName("h1")).getText().equals("Evening follow-ups"));
    assertThat(driver.findElements(By.id("fu-" + flagged))).isEmpty();
    assertThat(driver.findElements(By.id("fu-" + routine))).isEmpty();
    assertThat(driver.findElements(By.id("fu-" + missed))).hasSize(1);

    driver.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
    ((org.openqa.selenium.JavascriptExecutor) driver)
        .executeScript("arguments[0].scrollIntoView()", item(missed));
    Browser.screenshot(driver, "followups-worklist-phone");
  }
}
