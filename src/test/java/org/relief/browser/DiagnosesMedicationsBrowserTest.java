package org.relief.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.relief.identity.UserAccounts;
import org.relief.patients.Patient;
import org.relief.patients.PatientDetails;
import org.relief.patients.PatientRegistry;
import org.relief.patients.Sex;
import org.relief.platform.Role;
import org.relief.support.Browser;
import org.relief.support.ReliefIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@ReliefIntegrationTest
class DiagnosesMedicationsBrowserTest {

  @LocalServerPort int port;
  @Autowired UserAccounts accounts;
  @Autowired PatientRegistry registry;

  private ChromeDriver driver;

  @AfterEach
  void quit() {
    if (driver != null) {
      driver.quit();
    }
  }

  @ParameterizedTest(name = "{2}")
  @CsvSource({"1280, 800, desktop", "390, 844, phone"})
  void physicianAddsADiagnosisByTypeAheadAndAnOpioidAndSeesTheMmeOnTheChart(
      int width, int height, String size) {
    if (accounts.findByUsername("browser.doctor").isEmpty()) {
      accounts.create(
          new UserAccounts.NewUser(
              "browser.doctor", "Test Physician", "browser-pass-123", Set.of(Role.PAIN_PHYSICIAN)));
    }
    Patient patient =
        registry.register(
            new PatientDetails(
                "BR-DM-" + size.toUpperCase() + "-" + System.nanoTime() % 100000,
                "Okonkwo",
                "Tamsin",
                LocalDate.of(1967, 9, 2),
                Sex.FEMALE,
                null,
                null,
                "en"));
    String base = "http://localhost:" + port;
    driver = Browser.start(width, height);
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));
    wait.ignoring(org.openqa.selenium.WebDriverException.class);
    driver.get(base + "/login");
    driver.findElement(By.id("username")).sendKeys("browser.doctor");
    driver.findElement(By.id("password")).sendKeys("browser-pass-123", Keys.ENTER);
    wait.until(d -> d.getCurrentUrl().endsWith("/today"));

    driver.get(base + "/patients/" + patient.id());
    driver.findElement(By.linkText("Edit diagnoses")).click();
    wait.until(d -> d.getCurrentUrl().endsWith("/diagnoses"));
    driver.findElement(By.id("q")).sendKeys("lumb radic");
    wait.until(
        d -> !d.findElements(By.cssSelector("#code-results input[value='M54.16']")).isEmpty());
    assertThat(driver.getCurrentUrl()).endsWith("/diagnoses");
    assertThat(driver.findElement(By.id("code-results")).getText())
        .contains("Radiculopathy, lumbar region", "unconfirmed — confirm locally");
    Browser.screenshot(driver, "diagnoses-type-ahead-" + size);
    driver.findElement(By.cssSelector("#code-results input[value='M54.16']")).click();
    new Select(driver.findElement(By.id("rank"))).selectByValue("PRIMARY");
    driver.findElement(By.id("onsetDate")).sendKeys("03152024");
    driver.findElement(By.xpath("//button[text()='Add diagnosis']")).click();
    wait.until(
        d ->
            d.findElement(By.id("current-diagnoses")).isDisplayed()
                && d.findElement(By.cssSelector("main table")).getText().contains("M54.16"));
    Browser.screenshot(driver, "diagnoses-added-" + size);

    driver.get(base + "/patients/" + patient.id() + "/medications");
    driver.findElement(By.id("drug")).sendKeys("oxycodone");
    driver.findElement(By.id("dose")).sendKeys("20");
    new Select(driver.findElement(By.id("unit"))).selectByValue("mg");
    new Select(driver.findElement(By.id("frequency"))).selectByValue("TIMES_PER_DAY");
    driver.findElement(By.id("count")).sendKeys("2");
    driver.findElement(By.xpath("//button[text()='Add medication']")).click();
    wait.until(d -> d.findElement(By.tagName("main")).getText().contains("60.0 MME/day"));
    driver.findElement(By.id("drug")).sendKeys("apixaban");
    driver.findElement(By.id("dose")).sendKeys("5");
    driver.findElement(By.id("count")).sendKeys("2");
    driver.findElement(By.xpath("//button[text()='Add medication']")).click();
    wait.until(d -> d.findElement(By.tagName("main")).getText().contains("apixaban"));
    Browser.screenshot(driver, "medications-" + size);

    driver.findElement(By.linkText("Back to the chart")).click();
    wait.until(d -> d.findElement(By.tagName("h1")).getText().startsWith("Okonkwo, Tamsin"));
    String chart = driver.findElement(By.tagName("main")).getText();
    assertThat(chart)
        .contains("M54.16", "Radiculopathy, lumbar region", "Primary, active")
        .contains("60.0 MME/day", "50 MME/day", "90 MME/day")
        .contains("apixaban", "direct oral anticoagulant, factor Xa inhibitor");
    Browser.screenshot(driver, "chart-diagnoses-medications-" + size);
    driver.executeScript(
        "document.getElementById('chart-medications').scrollIntoView({block: 'start'});");
    Browser.screenshot(driver, "chart-medications-" + size);
    Object overflow =
        driver.executeScript(
            "return document.documentElement.scrollWidth > document.documentElement.clientWidth;");
    assertThat(overflow).isEqualTo(false);
  }
}
