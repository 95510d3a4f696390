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
import org.openqa.selenium.support.ui.Select;
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
class JobBoardBrowserTest {

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

  private void post(Http recruiter, String title, String sites, int baseMax, String procedure) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("title", title);
    form.put("summary", "A synthetic posting written by the browser test.");
    form.put("taxonomy", "INTERVENTIONAL_PAIN");
    form.put("setting", "ASC");
    form.put("employmentModel", "PARTNERSHIP_TRACK");
    form.put("hiringVia", "DIRECT");
    form.put("sites", sites);
    form.put("licenceStates", "NE, IA");
    form.put("imlcAccepted", "true");
    form.put("boards", "ABMS");
    form.put("proc." + procedure, "REQUIRED");
    form.put("vol." + procedure, "20");
    form.put("proc.RADIOFREQUENCY_ABLATION", "DESIRED");
    form.put("procedureDays", "4");
    form.put("clinicDays", "1");
    form.put("callNights", "2");
    form.put("assets", "FLUOROSCOPY_SUITE");
    form.put("baseMin", Integer.toString(baseMax - 60_000));
    form.put("baseMax", Integer.toString(baseMax));
    form.put("wrvuRate", "60");
    form.put("wrvuThreshold", "8000");
    form.put("signOn", "50000");
    form.put("relocation", "20000");
    form.put("partnershipTrack", "Partner after 2 years, ASC buy-in in year 3");
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
  void anyoneBrowsesTheBoardWithoutSigningInAndOpensAPosting() {
    if (accounts.findByUsername("browser.recruiter").isEmpty()) {
      var employer =
          employers.create("Prairie Spine Partners (synthetic)", EmployerType.GROUP, true);
      accounts.create(
          new UserAccounts.NewUser(
              "browser.recruiter",
              "Browser Recruiter (synthetic)",
              "browser-pass-123",
              Set.of(Role.RECRUITER)));
      employers.addRecruiter(employer.id(), "browser.recruiter");
      Http recruiter = Http.browser(port);
      recruiter.signIn("browser.recruiter", "browser-pass-123");
      post(
          recruiter,
          "Interventional Pain Physician — Omaha ASC",
          "Prairie Spine ASC; Omaha; NE\nLincoln; NE",
          560_000,
          "SPINAL_CORD_STIMULATION");
      post(recruiter, "Pain Physician — Des Moines", "Des Moines; IA", 470_000, "KYPHOPLASTY");
    }
    driver = Browser.start(1280, 900);
    driver.get("http://localhost:" + port + "/jobs");
    var wait = new WebDriverWait(driver, Duration.ofSeconds(10));
    wait.ignoring(org.openqa.selenium.WebDriverException.class);
    new Select(driver.findElement(By.id("state"))).selectByValue("NE");
    wait.until(d -> d.getCurrentUrl().contains("state=NE"));
    wait.until(d -> d.findElements(By.cssSelector(".job-card")).size() == 1);
    assertThat(driver.findElement(By.cssSelector(".job-card")).getText())
        .contains("Omaha ASC", "Prairie Spine Partners (synthetic)", "Omaha, NE; Lincoln, NE");
    Browser.screenshot(driver, "jobs-board");

    driver.findElement(By.linkText("Interventional Pain Physician — Omaha ASC")).click();
    wait.until(d -> d.findElement(By.tagName("h1")).getText().contains("Omaha ASC"));
    assertThat(driver.findElement(By.id("pay-h")).getText()).contains("part by part");
    Object title =
        driver.executeScript(
            "return JSON.parse(document.querySelector('script[type=\"application/ld+json\"]')"
                + ".textContent).title;");
    assertThat(title).isEqualTo("Interventional Pain Physician — Omaha ASC");
    Browser.screenshot(driver, "job-posting");
    driver.executeScript("document.getElementById('pay-h').scrollIntoView();");
    Browser.screenshot(driver, "job-posting-pay");

    driver.manage().window().setSize(new Dimension(390, 844));
    driver.get("http://localhost:" + port + "/jobs?sort=HIGHEST_BASE");
    Browser.screenshot(driver, "jobs-board-phone");
    assertThat(noHorizontalOverflow()).isTrue();
    driver.findElement(By.linkText("Pain Physician — Des Moines")).click();
    wait.until(d -> d.findElement(By.tagName("h1")).getText().contains("Des Moines"));
    Browser.screenshot(driver, "job-posting-phone");
    assertThat(noHorizontalOverflow()).isTrue();
  }

  @Test
  void aRecruiterWritesAPostingInTheFormAndPublishesIt() {
    if (accounts.findByUsername("browser.writer").isEmpty()) {
      var employer =
          employers.create("Bluestem Pain Clinic (synthetic)", EmployerType.PAIN_CLINIC, true);
      accounts.create(
          new UserAccounts.NewUser(
              "browser.writer",
              "Browser Writer (synthetic)",
              "browser-pass-123",
              Set.of(Role.RECRUITER)));
      employers.addRecruiter(employer.id(), "browser.writer");
    }
    driver = Browser.start(1280, 900);
    var wait = new WebDriverWait(driver, Duration.ofSeconds(10));
    wait.ignoring(org.openqa.selenium.WebDriverException.class);
    driver.get("http://localhost:" + port + "/login");
    driver.findElement(By.id("username")).sendKeys("browser.writer");
    driver.findElement(By.id("password")).sendKeys("browser-pass-123", Keys.ENTER);
    wait.until(d -> d.getCurrentUrl().endsWith("/careers"));
    driver.findElement(By.linkText("Write a posting")).click();
    wait.until(d -> d.getCurrentUrl().endsWith("/careers/postings/new"));
    driver.findElement(By.id("title")).sendKeys("Pain Physician — Sioux Falls");
    new Select(driver.findElement(By.id("setting"))).selectByValue("INDEPENDENT_PRACTICE");
    new Select(driver.findElement(By.id("employmentModel"))).selectByValue("EMPLOYED");
    driver.findElement(By.id("sites")).sendKeys("Bluestem Main; Sioux Falls; SD");
    new Select(driver.findElement(By.id("proc-SPINAL_CORD_STIMULATION"))).selectByValue("REQUIRED");
    driver.findElement(By.name("vol.SPINAL_CORD_STIMULATION")).sendKeys("15");
    driver.findElement(By.id("baseMin")).sendKeys("420000");
    driver.findElement(By.id("baseMax")).sendKeys("460000");
    Browser.screenshot(driver, "posting-form");
    driver.findElement(By.id("baseMax")).submit();
    wait.until(d -> d.findElement(By.tagName("h1")).getText().contains("Sioux Falls"));
    driver.findElement(By.xpath("//button[text()='Publish']")).click();
    wait.until(d -> d.findElement(By.tagName("h1")).getText().contains("Published"));
    Browser.screenshot(driver, "posting-published");

    driver.manage().window().setSize(new Dimension(390, 844));
    driver.get("http://localhost:" + port + "/careers/postings/new");
    Browser.screenshot(driver, "posting-form-phone");
    assertThat(noHorizontalOverflow()).isTrue();
  }

  private boolean noHorizontalOverflow() {
    return Boolean.FALSE.equals(
        driver.executeScript(
            "return document.documentElement.scrollWidth > document.documentElement.clientWidth;"));
  }
}
