package org.relief.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.relief.identity.UserAccounts;
import org.relief.patients.Patient;
import org.relief.patients.PatientDetails;
import org.relief.patients.PatientRegistry;
import org.relief.patients.Sex;
import org.relief.platform.Role;
import org.relief.support.Browser;
import org.relief.support.MutableClock;
import org.relief.support.ReliefIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@ReliefIntegrationTest
class QuestionnaireBrowserTest {

  @LocalServerPort int port;
  @Autowired UserAccounts accounts;
  @Autowired PatientRegistry registry;
  @Autowired MutableClock clock;

  private ChromeDriver driver;

  @AfterEach
  void quit() {
    if (driver != null) {
      driver.quit();
    }
  }

  private void signIn(String username) {
    driver.get("http://localhost:" + port + "/login");
    driver.findElement(By.id("username")).sendKeys(username);
    driver.findElement(By.id("password")).sendKeys("browser-pass-123", Keys.ENTER);
    new WebDriverWait(driver, Duration.ofSeconds(10))
        .until(d -> d.getCurrentUrl().endsWith("/today"));
  }

  /**
   * Waits for a page the last click loads; elements of the page being left go stale meanwhile, and
   * Chromium may report them as no longer in the document (a plain WebDriverException).
   */
  private void awaitHeading(String text) {
    new WebDriverWait(driver, Duration.ofSeconds(10))
        .ignoring(StaleElementReferenceException.class)
        .ignoring(WebDriverException.class)
        .until(d -> d.findElement(By.tagName("h1")).getText().startsWith(text));
  }

  private void awaitProgress(String text) {
    new WebDriverWait(driver, Duration.ofSeconds(10))
        .ignoring(StaleElementReferenceException.class)
        .ignoring(WebDriverException.class)
        .until(d -> d.findElement(By.id("progress")).getText().equals(text));
  }

  private void tap(String answer) {
    String before = driver.getCurrentUrl();
    driver.findElement(By.cssSelector("button[name=answer][value='" + answer + "']")).click();
    new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> !d.getCurrentUrl().equals(before));
  }

  @Test
  void patientAnswersOnAPhoneResumesAfterClosingTheBrowserAndTheClinicianSeesTheScores() {
    clock.advance(Duration.ofMinutes(2));
    accounts.create(
        new UserAccounts.NewUser(
            "browser.physician",
            "Test Physician",
            "browser-pass-123",
            Set.of(Role.PAIN_PHYSICIAN)));
    Patient patient =
        registry.register(
            new PatientDetails(
                "BQ-1001",
                "Fennimore",
                "Rosalind",
                LocalDate.of(1966, 4, 2),
                Sex.FEMALE,
                null,
                null,
                "en"));

    driver = Browser.start(1280, 900);
    signIn("browser.physician");
    driver.get("http://localhost:" + port + "/patients/" + patient.id());
    driver.findElement(By.linkText("Send questionnaire")).click();
    awaitHeading("Send a questionnaire");
    for (WebElement box : driver.findElements(By.name("instruments"))) {
      boolean wanted = Set.of("phq9", "odi").contains(box.getAttribute("value"));
      if (box.isSelected() != wanted) {
        box.click();
      }
    }
    Browser.screenshot(driver, "questionnaire-send");
    driver.findElement(By.cssSelector("button.primary")).click();
    awaitHeading("Link ready");
    String url = driver.findElement(By.id("link")).getAttribute("value");
    assertThat(url).matches("http://localhost:\\d+/q/[A-Za-z0-9_-]{43}");
    Browser.screenshot(driver, "questionnaire-link");
    driver.quit();

    driver = Browser.start(390, 844);
    driver.get(url);
    assertThat(driver.getPageSource()).doesNotContain("Fennimore");
    Browser.screenshot(driver, "questionnaire-phone-welcome");
    driver.findElement(By.linkText("Start")).click();
    awaitProgress("Question 1 of 19");
    Browser.screenshot(driver, "questionnaire-phone-question-1");
    for (WebElement choice : driver.findElements(By.cssSelector(".choices button"))) {
      assertThat(choice.getSize().getHeight()).isGreaterThanOrEqualTo(44);
    }
    Object overflow =
        driver.executeScript(
            "return document.documentElement.scrollWidth > document.documentElement.clientWidth;");
    assertThat(overflow).isEqualTo(false);
    int[] odi = {2, 1, 2, 1, 1, 0, 1, -1, 1, 2};
    for (int i = 0; i < 6; i++) {
      tap(Integer.toString(odi[i]));
    }
    assertThat(driver.findElement(By.id("progress")).getText()).isEqualTo("Question 7 of 19");
    driver.quit();

    driver = Browser.start(390, 844);
    driver.get(url);
    new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().endsWith("/7"));
    assertThat(driver.findElement(By.id("progress")).getText()).isEqualTo("Question 7 of 19");
    Browser.screenshot(driver, "questionnaire-phone-resumed");
    for (int i = 6; i < 10; i++) {
      tap(odi[i] < 0 ? "skip" : Integer.toString(odi[i]));
    }
    Browser.screenshot(driver, "questionnaire-phone-phq9");
    int[] phq9 = {1, 1, 2, 1, 1, 0, 1, 0, 1};
    for (int answer : phq9) {
      tap(Integer.toString(answer));
    }
    assertThat(driver.getCurrentUrl()).endsWith("/review");
    assertThat(driver.findElement(By.cssSelector("ol.review")).getText()).contains("skipped");
    Browser.screenshot(driver, "questionnaire-phone-review");
    driver.findElement(By.cssSelector("button.primary")).click();
    awaitHeading("Thank you");
    Browser.screenshot(driver, "questionnaire-phone-thanks");
    driver.get(url);
    assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Thank you");
    driver.quit();

    driver = Browser.start(1280, 900);
    signIn("browser.physician");
    driver.get("http://localhost:" + port + "/patients/" + patient.id());
    WebElement section = driver.findElement(By.cssSelector("section.questionnaires"));
    assertThat(section.findElement(By.cssSelector(".safety-flag")).getText())
        .contains("Safety flag", "PHQ-9 item 9 answered 1");
    assertThat(section.findElement(By.cssSelector("#trajectory-phq9 .latest-score")).getText())
        .isEqualTo("8");
    // ODI: 11 of 45 (section 8 skipped) = 24.4%
    assertThat(section.findElement(By.cssSelector("#trajectory-odi .latest-score")).getText())
        .isEqualTo("24.4");
    driver.executeScript("arguments[0].scrollIntoView(true);", section);
    Browser.screenshot(driver, "questionnaire-chart");
  }
}
