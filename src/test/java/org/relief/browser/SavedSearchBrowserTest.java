package org.relief.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.relief.careers.employers.EmployerType;
import org.relief.careers.employers.Employers;
import org.relief.identity.UserAccounts;
import org.relief.platform.Role;
import org.relief.support.Browser;
import org.relief.support.Http;
import org.relief.support.MutableClock;
import org.relief.support.ReliefIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@ReliefIntegrationTest
class SavedSearchBrowserTest {

  private static final String PASSWORD = "browser-pass-123";

  @LocalServerPort int port;
  @Autowired UserAccounts accounts;
  @Autowired Employers employers;
  @Autowired MutableClock clock;

  private ChromeDriver driver;

  @AfterEach
  void quit() {
    if (driver != null) {
      driver.quit();
    }
  }

  private void post(Http recruiter, String title, String sites) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("title", title);
    form.put("summary", "A synthetic posting written by the browser test.");
    form.put("taxonomy", "INTERVENTIONAL_PAIN");
    form.put("setting", "INDEPENDENT_PRACTICE");
    form.put("employmentModel", "EMPLOYED");
    form.put("hiringVia", "DIRECT");
    form.put("sites", sites);
    form.put("licenceStates", "ID");
    form.put("proc.RADIOFREQUENCY_ABLATION", "REQUIRED");
    form.put("callNights", "3");
    form.put("telemedicine", "true");
    form.put("baseMin", "430000");
    form.put("baseMax", "480000");
    form.put(
        "validThrough",
        LocalDate.ofInstant(clock.instant(), ZoneId.of("America/New_York"))
            .plusDays(60)
            .toString());
    var created = recruiter.submit("/careers/postings/new", "/careers/postings", form);
    String location =
        java.net.URI.create(created.headers().firstValue("Location").orElseThrow()).getPath();
    recruiter.submit("/careers/postings", location + "/publish", Map.of());
  }

  @Test
  void aSpecialistSearchesByDistanceSavesTheSearchAndSeesANewPostingAppearAsAMatch() {
    String run = Long.toString(System.nanoTime() % 1_000_000);
    var employer =
        employers.create("Snake River Pain (synthetic) " + run, EmployerType.PAIN_CLINIC, true);
    String recruiterName = "browser.alerts.recruiter." + run;
    accounts.create(
        new UserAccounts.NewUser(
            recruiterName, "Alert Recruiter (synthetic)", PASSWORD, Set.of(Role.RECRUITER)));
    employers.addRecruiter(employer.id(), recruiterName);
    Http recruiter = Http.browser(port);
    recruiter.signIn(recruiterName, PASSWORD);
    post(recruiter, "Pain Physician — Boise " + run, "Snake River Main; Boise; ID");
    post(recruiter, "Pain Physician — Spokane " + run, "Spokane; WA");

    String specialist = "browser.alerts.specialist." + run;
    accounts.create(
        new UserAccounts.NewUser(
            specialist, "Dr Rowan Vale (synthetic)", PASSWORD, Set.of(Role.SPECIALIST)));

    driver = Browser.start(1280, 900);
    var wait = new WebDriverWait(driver, Duration.ofSeconds(10));
    wait.ignoring(org.openqa.selenium.WebDriverException.class);
    driver.get("http://localhost:" + port + "/login");
    driver.findElement(By.id("username")).sendKeys(specialist);
    driver.findElement(By.id("password")).sendKeys(PASSWORD, Keys.ENTER);
    wait.until(d -> !d.getCurrentUrl().contains("/login"));

    driver.get("http://localhost:" + port + "/jobs");
    driver.findElement(By.id("near")).sendKeys("Atlantis", Keys.ENTER);
    wait.until(
        d -> d.findElement(By.cssSelector("#results .alert-error")).getText().contains("Atlantis"));
    Browser.screenshot(driver, "jobs-board-unknown-place");

    driver.findElement(By.id("near")).clear();
    driver.findElement(By.id("near")).sendKeys("Boise, ID");
    driver.findElement(By.id("miles")).sendKeys("60", Keys.ENTER);
    wait.until(d -> d.getCurrentUrl().contains("miles=60"));
    wait.until(
        d ->
            d.findElements(By.cssSelector("#results .alert-error")).isEmpty()
                && d.findElement(By.id("results")).getText().contains("Boise " + run));
    String results = driver.findElement(By.id("results")).getText();
    assertThat(results).contains("under 1 mile away").doesNotContain("Spokane " + run);
    Browser.screenshot(driver, "jobs-board-near-boise");

    driver.findElement(By.id("search-name")).sendKeys("Near Boise", Keys.ENTER);
    wait.until(d -> d.getCurrentUrl().contains("/careers/searches"));
    assertThat(driver.findElement(By.tagName("main")).getText())
        .contains("Search saved", "Near Boise", "Within 60 miles of Boise, ID", "Nothing new");
    Browser.screenshot(driver, "saved-searches");

    post(recruiter, "Pain Physician — Nampa clinic " + run, "Nampa clinic; Boise; ID");

    driver.get("http://localhost:" + port + "/careers/profile");
    wait.until(
        d ->
            d.findElement(By.tagName("main"))
                .getText()
                .contains("1 new job matches your saved searches"));
    assertThat(driver.findElement(By.cssSelector(".careers-tabs")).getText())
        .contains("Saved searches 1 new");
    Browser.screenshot(driver, "specialist-home-new-match");
    driver.findElement(By.linkText("1 new job matches your saved searches")).click();
    wait.until(d -> d.getCurrentUrl().endsWith("/careers/searches"));
    assertThat(driver.findElement(By.id("new-h")).findElement(By.xpath("..")).getText())
        .contains("Pain Physician — Nampa clinic " + run, "matches Near Boise")
        .doesNotContain("Pain Physician — Boise " + run);
    Browser.screenshot(driver, "saved-searches-new-match");

    driver.findElement(By.linkText("Pain Physician — Nampa clinic " + run)).click();
    wait.until(d -> d.findElement(By.tagName("h1")).getText().contains("Nampa clinic"));
    assertThat(driver.findElement(By.tagName("main")).getText()).contains("Telemedicine");

    driver.get("http://localhost:" + port + "/careers/searches");
    driver.findElement(By.xpath("//button[text()='Mark these as seen']")).click();
    wait.until(d -> d.findElement(By.tagName("main")).getText().contains("Nothing new"));

    driver.manage().window().setSize(new Dimension(390, 844));
    driver.get("http://localhost:" + port + "/jobs?near=Boise%2C%20ID&miles=60&sort=NEAREST");
    Browser.screenshot(driver, "jobs-board-near-boise-phone");
    assertThat(
            driver.executeScript(
                "return document.documentElement.scrollWidth >"
                    + " document.documentElement.clientWidth;"))
        .isEqualTo(false);
  }
}
