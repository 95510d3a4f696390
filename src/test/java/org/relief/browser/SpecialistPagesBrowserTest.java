package org.relief.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
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
class SpecialistPagesBrowserTest {

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

  @Test
  void aSpecialistKeepsTheirProfileOnOnePage() {
    String username = "browser.specialist.profile";
    if (accounts.findByUsername(username).isEmpty()) {
      accounts.create(
          new UserAccounts.NewUser(
              username, "Dr Ada Park (synthetic)", PASSWORD, Set.of(Role.SPECIALIST)));
      Http http = Http.browser(port);
      http.signIn(username, PASSWORD);
      http.submit(
          "/careers/profile",
          "/careers/profile/licences",
          Map.of(
              "licState", "NE",
              "licNumber", "NE-55012",
              "licStatus", "ACTIVE",
              "licExpires", "2027-01-31",
              "licVerifiedBy", "Self",
              "licVerifiedAt", "2026-02-01"));
    }
    driver = Browser.start(1280, 900);
    var wait = new WebDriverWait(driver, Duration.ofSeconds(10));
    wait.ignoring(org.openqa.selenium.WebDriverException.class);
    driver.get("http://localhost:" + port + "/login");
    driver.findElement(By.id("username")).sendKeys(username);
    driver.findElement(By.id("password")).sendKeys(PASSWORD, Keys.ENTER);
    wait.until(d -> d.getCurrentUrl().endsWith("/careers/profile"));
    driver.findElement(By.id("npi")).clear();
    driver.findElement(By.id("npi")).sendKeys("1234567890", Keys.ENTER);
    wait.until(
        d -> d.findElement(By.cssSelector(".alert-error")).getText().contains("check digit"));
    Browser.screenshot(driver, "specialist-profile-refused");
    driver.findElement(By.id("npi")).clear();
    driver.findElement(By.id("npi")).sendKeys("1234567893");
    driver.findElement(By.id("fellowship")).sendKeys("Pain Medicine, Plains University");
    driver.findElement(By.id("fellowship")).submit();
    wait.until(d -> d.findElements(By.cssSelector(".alert-error")).isEmpty());
    assertThat(driver.findElement(By.id("npi")).getAttribute("value")).isEqualTo("1234567893");
    Browser.screenshot(driver, "specialist-profile");

    driver.manage().window().setSize(new Dimension(390, 844));
    driver.navigate().refresh();
    Browser.screenshot(driver, "specialist-profile-phone");
    assertThat(
            driver.executeScript(
                "return document.documentElement.scrollWidth >"
                    + " document.documentElement.clientWidth;"))
        .isEqualTo(false);
  }

  private void signIn(WebDriverWait wait, String username, String landing) {
    driver.manage().deleteAllCookies();
    driver.get("http://localhost:" + port + "/login");
    driver.findElement(By.id("username")).sendKeys(username);
    driver.findElement(By.id("password")).sendKeys(PASSWORD, Keys.ENTER);
    wait.until(
        d ->
            landing == null
                ? !d.getCurrentUrl().contains("/login")
                : d.getCurrentUrl().endsWith(landing));
  }

  @Test
  void aSpecialistFindsAJobSeesTheGapsAndAppliesAndTheRecruiterMovesItOn() {
    long n = System.nanoTime() % 1_000_000;
    String recruiterName = "browser.flow.recruiter." + n;
    String specialistName = "browser.flow.specialist." + n;
    var employer =
        employers.create("Harbour Pain Partners (synthetic) " + n, EmployerType.GROUP, true);
    accounts.create(
        new UserAccounts.NewUser(
            recruiterName, "Robin Hale (synthetic)", PASSWORD, Set.of(Role.RECRUITER)));
    employers.addRecruiter(employer.id(), recruiterName);
    accounts.create(
        new UserAccounts.NewUser(
            specialistName, "Dr Lena Ortiz (synthetic)", PASSWORD, Set.of(Role.SPECIALIST)));

    Http recruiter = Http.browser(port);
    recruiter.signIn(recruiterName, PASSWORD);
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneId.of("America/New_York"));
    Map<String, String> form = new LinkedHashMap<>();
    form.put("title", "Interventional Pain Physician — Providence " + n);
    form.put("taxonomy", "INTERVENTIONAL_PAIN");
    form.put("setting", "HOSPITAL_EMPLOYED");
    form.put("employmentModel", "EMPLOYED");
    form.put("hiringVia", "DIRECT");
    form.put("sites", "Harbour Spine Center; Providence; RI");
    form.put("licenceStates", "RI");
    form.put("imlcAccepted", "true");
    form.put("boards", "ABMS");
    form.put("proc.SPINAL_CORD_STIMULATION", "REQUIRED");
    form.put("vol.SPINAL_CORD_STIMULATION", "20");
    form.put("proc.RADIOFREQUENCY_ABLATION", "REQUIRED");
    form.put("vol.RADIOFREQUENCY_ABLATION", "40");
    form.put("proc.DRG_STIMULATION", "DESIRED");
    form.put("vol.DRG_STIMULATION", "5");
    form.put("proc.KYPHOPLASTY", "DESIRED");
    form.put("callNights", "3");
    form.put("baseMin", "440000");
    form.put("baseMax", "490000");
    form.put("wrvuRate", "55");
    form.put("wrvuThreshold", "200");
    form.put("callPayPerNight", "1200");
    form.put("signOn", "40000");
    form.put("validThrough", today.plusDays(45).toString());
    var created = recruiter.submit("/careers/postings/new", "/careers/postings", form);
    String location =
        java.net.URI.create(created.headers().firstValue("Location").orElseThrow()).getPath();
    recruiter.submit("/careers/postings", location + "/publish", Map.of());

    Http specialist = Http.browser(port);
    specialist.signIn(specialistName, PASSWORD);
    specialist.submit(
        "/careers/profile",
        "/careers/profile",
        Map.of("npi", "", "homeState", "MA", "fellowship", "Pain Medicine, Bay University"));
    specialist.submit(
        "/careers/profile",
        "/careers/profile/licences",
        Map.of("licState", "MA", "licNumber", "MA-2291", "licStatus", "ACTIVE"));
    specialist.submit(
        "/careers/profile",
        "/careers/profile/boards",
        Map.of("boardBoard", "ABMS", "boardSpecialty", "Pain Medicine (ABA)"));
    YearMonth month = YearMonth.from(today);
    for (String[] e :
        new String[][] {
          {"SPINAL_CORD_STIMULATION", "PRIMARY", "24"},
          {"RADIOFREQUENCY_ABLATION", "PRIMARY", "31"},
          {"RADIOFREQUENCY_ABLATION", "SUPERVISED", "12"}
        }) {
      specialist.submit(
          "/careers/portfolio",
          "/careers/portfolio/entries",
          Map.of(
              "family", e[0],
              "guidance", "FLUOROSCOPY",
              "role", e[1],
              "month", month.toString(),
              "cases", e[2]));
    }

    driver = Browser.start(1280, 900);
    var wait = new WebDriverWait(driver, Duration.ofSeconds(10));
    wait.ignoring(org.openqa.selenium.WebDriverException.class);
    signIn(wait, specialistName, "/careers/profile");
    driver.findElement(By.linkText("Portfolio")).click();
    wait.until(d -> d.getCurrentUrl().endsWith("/careers/portfolio"));
    Browser.screenshot(driver, "specialist-portfolio");

    driver.findElement(By.linkText("Job board")).click();
    new Select(driver.findElement(By.id("state"))).selectByValue("RI");
    wait.until(d -> d.getCurrentUrl().contains("state=RI"));
    driver.findElement(By.partialLinkText("Providence " + n)).click();
    wait.until(d -> d.findElement(By.tagName("h1")).getText().contains("Providence"));
    driver.findElement(By.linkText("See how you match and apply")).click();
    wait.until(d -> d.getCurrentUrl().contains("/careers/matches/"));
    String summary = driver.findElement(By.id("match-summary")).getText();
    assertThat(summary)
        .contains(
            "Meets 2 of 6 requirements — gaps: Radiofrequency ablation, DRG stimulation,"
                + " Kyphoplasty / vertebroplasty, Licence in RI");
    assertThat(driver.findElement(By.id("checks")).getText())
        .contains("needs 40 in the last 12 months; you have 31")
        .contains("12 more as a supervised trainee are not counted");
    assertThat(driver.findElement(By.id("estimate-total")).getText()).isNotBlank();
    Browser.screenshot(driver, "specialist-match");
    driver.executeScript("document.getElementById('pay-h').scrollIntoView();");
    Browser.screenshot(driver, "specialist-match-pay");

    driver.findElement(By.id("coverNote")).sendKeys("I can visit in January.");
    driver.findElement(By.xpath("//button[text()='Apply with my profile and portfolio']")).click();
    wait.until(d -> d.getCurrentUrl().endsWith("/careers/applications"));
    assertThat(driver.findElement(By.tagName("main")).getText()).contains("Providence", "Applied");
    Browser.screenshot(driver, "specialist-applications");

    driver.findElement(By.linkText("Matches")).click();
    wait.until(d -> d.getCurrentUrl().endsWith("/careers/matches"));
    Browser.screenshot(driver, "specialist-matches");

    signIn(wait, recruiterName, "/careers");
    driver.findElement(By.linkText("Pipeline")).click();
    wait.until(d -> d.getCurrentUrl().endsWith("/careers/pipeline"));
    Browser.screenshot(driver, "recruiter-pipeline");
    driver.findElement(By.linkText("Dr Lena Ortiz (synthetic)")).click();
    wait.until(d -> d.findElement(By.id("stage")).getText().equals("Applied"));
    assertThat(driver.findElement(By.tagName("main")).getText())
        .contains("I can visit in January.", "Pain Medicine, Bay University")
        .doesNotContain("private");
    driver.findElement(By.id("note")).sendKeys("Strong RFA volume; call to screen.");
    driver.findElement(By.xpath("//button[text()='Move to screening']")).click();
    wait.until(d -> d.findElement(By.id("stage")).getText().equals("Screening"));
    assertThat(driver.findElement(By.cssSelector(".history")).getText())
        .contains("Screening", "Strong RFA volume");
    Browser.screenshot(driver, "recruiter-candidate");

    driver.get("http://localhost:" + port + "/careers/pipeline/report");
    Browser.screenshot(driver, "recruiter-time-to-fill");

    driver.manage().window().setSize(new Dimension(390, 844));
    driver.navigate().back();
    Browser.screenshot(driver, "recruiter-candidate-phone");
    assertThat(
            driver.executeScript(
                "return document.documentElement.scrollWidth >"
                    + " document.documentElement.clientWidth;"))
        .isEqualTo(false);
  }

  @Test
  void anAdministratorAttestsALinkAndASharedPortfolioOpensWithoutSigningIn() {
    long n = System.nanoTime() % 1_000_000;
    String specialistName = "browser.share.specialist." + n;
    String physicianName = "browser.share.physician." + n;
    String adminName = "browser.share.admin." + n;
    accounts.create(
        new UserAccounts.NewUser(
            specialistName, "Dr Sam Ng (synthetic)", PASSWORD, Set.of(Role.SPECIALIST)));
    accounts.create(
        new UserAccounts.NewUser(
            physicianName, "Dr Sam Ng (synthetic)", PASSWORD, Set.of(Role.PAIN_PHYSICIAN)));
    accounts.create(
        new UserAccounts.NewUser(
            adminName, "Practice Admin (synthetic)", PASSWORD, Set.of(Role.PRACTICE_ADMIN)));
    Http specialist = Http.browser(port);
    specialist.signIn(specialistName, PASSWORD);
    specialist.submit(
        "/careers/portfolio",
        "/careers/portfolio/entries",
        Map.of(
            "family", "KYPHOPLASTY",
            "guidance", "FLUOROSCOPY",
            "role", "PRIMARY",
            "month", YearMonth.now(clock).toString(),
            "cases", "8"));
    specialist.submit(
        "/careers/portfolio",
        "/careers/portfolio/links",
        Map.of("practiceUsername", physicianName));

    driver = Browser.start(1280, 900);
    var wait = new WebDriverWait(driver, Duration.ofSeconds(10));
    wait.ignoring(org.openqa.selenium.WebDriverException.class);
    signIn(wait, adminName, null);
    driver.get("http://localhost:" + port + "/careers/employers");
    driver.findElement(By.linkText("Specialists' portfolio attestations")).click();
    wait.until(d -> d.getCurrentUrl().endsWith("/careers/attestations"));
    Browser.screenshot(driver, "admin-attestations");
    driver.findElements(By.linkText("Dr Sam Ng (synthetic)")).get(0).click();
    driver.findElement(By.xpath("//button[text()='They are the same person']")).click();
    wait.until(d -> d.findElement(By.id("counts-h")).isDisplayed());
    Browser.screenshot(driver, "admin-attestation");

    signIn(wait, specialistName, "/careers/profile");
    driver.get("http://localhost:" + port + "/careers/portfolio");
    driver.findElement(By.id("share-days")).clear();
    driver.findElement(By.id("share-days")).sendKeys("3");
    driver.findElement(By.xpath("//button[text()='Make a share link']")).click();
    wait.until(d -> !d.findElements(By.id("share-url")).isEmpty());
    String url = driver.findElement(By.id("share-url")).getAttribute("value");
    Browser.screenshot(driver, "specialist-share-made");
    driver.manage().deleteAllCookies();
    driver.get(url);
    wait.until(d -> d.findElement(By.tagName("h1")).getText().contains("Dr Sam Ng"));
    assertThat(driver.findElement(By.tagName("main")).getText())
        .contains("Kyphoplasty / vertebroplasty", "no patient or procedure record is shown");
    Browser.screenshot(driver, "shared-portfolio");
  }
}
