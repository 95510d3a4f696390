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
class OutreachBrowserTest {

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

  private void signIn(WebDriverWait wait, String username) {
    driver.manage().deleteAllCookies();
    driver.get("http://localhost:" + port + "/login");
    driver.findElement(By.id("username")).sendKeys(username);
    driver.findElement(By.id("password")).sendKeys(PASSWORD, Keys.ENTER);
    wait.until(d -> !d.getCurrentUrl().contains("/login"));
  }

  @Test
  void aRecruiterWritesToASpecialistWhoAllowsItAndTheSpecialistAnswersFromTheInbox() {
    long n = System.nanoTime() % 1_000_000;
    String recruiterName = "browser.outreach.recruiter." + n;
    String specialistName = "browser.outreach.specialist." + n;
    var employer =
        employers.create("Lakeside Spine Group (synthetic) " + n, EmployerType.GROUP, true);
    accounts.create(
        new UserAccounts.NewUser(
            recruiterName, "Morgan Lee (synthetic)", PASSWORD, Set.of(Role.RECRUITER)));
    employers.addRecruiter(employer.id(), recruiterName);
    accounts.create(
        new UserAccounts.NewUser(
            specialistName, "Dr Priya Das (synthetic) " + n, PASSWORD, Set.of(Role.SPECIALIST)));

    Http recruiter = Http.browser(port);
    recruiter.signIn(recruiterName, PASSWORD);
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneId.of("America/New_York"));
    Map<String, String> form = new LinkedHashMap<>();
    form.put("title", "Interventional Pain Physician — Madison " + n);
    form.put("taxonomy", "INTERVENTIONAL_PAIN");
    form.put("setting", "ASC");
    form.put("employmentModel", "EMPLOYED");
    form.put("hiringVia", "DIRECT");
    form.put("sites", "Lakeside Spine Center; Madison; WI");
    form.put("licenceStates", "WI");
    form.put("imlcAccepted", "true");
    form.put("boards", "ABMS");
    form.put("proc.SPINAL_CORD_STIMULATION", "REQUIRED");
    form.put("vol.SPINAL_CORD_STIMULATION", "20");
    form.put("proc.RADIOFREQUENCY_ABLATION", "REQUIRED");
    form.put("vol.RADIOFREQUENCY_ABLATION", "40");
    form.put("callNights", "2");
    form.put("baseMin", "460000");
    form.put("baseMax", "510000");
    form.put("wrvuRate", "52");
    form.put("wrvuThreshold", "150");
    form.put("callPayPerNight", "1000");
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
        Map.of("npi", "", "homeState", "IL", "fellowship", "Pain Medicine, Prairie University"));
    specialist.submit(
        "/careers/profile",
        "/careers/profile/licences",
        Map.of("licState", "IL", "licNumber", "IL-3310", "licStatus", "ACTIVE"));
    specialist.submit(
        "/careers/profile",
        "/careers/profile/boards",
        Map.of("boardBoard", "ABMS", "boardSpecialty", "Pain Medicine (ABA)"));
    for (String[] e :
        new String[][] {{"SPINAL_CORD_STIMULATION", "22"}, {"RADIOFREQUENCY_ABLATION", "45"}}) {
      specialist.submit(
          "/careers/portfolio",
          "/careers/portfolio/entries",
          Map.of(
              "family",
              e[0],
              "guidance",
              "FLUOROSCOPY",
              "role",
              "PRIMARY",
              "month",
              YearMonth.from(today).toString(),
              "cases",
              e[1]));
    }

    driver = Browser.start(1280, 900);
    var wait = new WebDriverWait(driver, Duration.ofSeconds(10));
    wait.ignoring(org.openqa.selenium.WebDriverException.class);

    signIn(wait, specialistName);
    driver.get("http://localhost:" + port + "/careers/profile#pref-h");
    driver.findElement(By.id("prefStates")).sendKeys("WI, IL");
    driver.findElement(By.id("prefMinCompensation")).sendKeys("480000");
    driver.findElement(By.id("prefMaxCallNights")).sendKeys("3");
    driver.findElement(By.name("allowContact")).click();
    driver.findElement(By.xpath("//button[text()='Save preferences']")).click();
    wait.until(d -> d.findElement(By.name("allowContact")).isSelected());

    signIn(wait, recruiterName);
    driver.findElement(By.partialLinkText("Madison " + n)).click();
    wait.until(d -> d.findElement(By.tagName("h1")).getText().contains("Madison"));
    driver.findElement(By.linkText("Specialists you may contact")).click();
    wait.until(d -> d.getCurrentUrl().contains("/careers/outreach/jobs/"));
    String list = driver.findElement(By.tagName("main")).getText();
    assertThat(list)
        .contains("Dr Priya Das (synthetic) " + n, "Their criteria are met")
        .contains("Licence path: WI: IMLC-eligible")
        .doesNotContain("480,000")
        .doesNotContain("480000");
    Browser.screenshot(driver, "recruiter-outreach-list");

    driver.findElement(By.partialLinkText("Write to Dr Priya Das (synthetic) " + n)).click();
    wait.until(d -> d.findElement(By.tagName("h1")).getText().startsWith("Write to"));
    driver
        .findElement(By.id("body"))
        .sendKeys("Our Madison ASC needs a second stimulator implanter. Could we talk this week?");
    Browser.screenshot(driver, "recruiter-outreach-compose");
    driver.findElement(By.xpath("//button[text()='Send with the match reason']")).click();
    wait.until(d -> d.getCurrentUrl().contains("sent="));
    assertThat(driver.findElement(By.cssSelector(".alert-ok")).getText()).contains("Message sent");

    signIn(wait, specialistName);
    driver.findElement(By.linkText("Inbox")).click();
    wait.until(d -> d.getCurrentUrl().endsWith("/careers/inbox"));
    String inbox = driver.findElement(By.tagName("main")).getText();
    assertThat(inbox)
        .contains("second stimulator implanter", "Why you were matched")
        .contains("Meets 3 of 4 requirements — gaps: Licence in WI")
        .contains("WI: IMLC-eligible")
        .contains("Estimated total a year")
        .contains("In a state you chose: WI");
    Browser.screenshot(driver, "specialist-inbox");

    driver.findElement(By.cssSelector("input[name=note]")).sendKeys("Yes — evenings are best.");
    driver.findElement(By.xpath("//button[text()='Interested']")).click();
    wait.until(
        d -> d.findElement(By.cssSelector(".message .tag-ok")).getText().contains("Interested"));
    Browser.screenshot(driver, "specialist-inbox-answered");

    signIn(wait, recruiterName);
    driver.get("http://localhost:" + port + "/careers/outreach");
    assertThat(driver.findElement(By.id("sent")).getText())
        .contains("Dr Priya Das (synthetic) " + n, "Interested", "Yes — evenings are best.");
    Browser.screenshot(driver, "recruiter-outreach-sent");

    driver.findElement(By.linkText("Demand")).click();
    wait.until(d -> d.getCurrentUrl().endsWith("/careers/demand"));
    Browser.screenshot(driver, "recruiter-demand");
    driver.findElement(By.id("horizon-years.base")).clear();
    driver.findElement(By.id("horizon-years.base")).sendKeys("5", Keys.TAB);
    wait.until(d -> d.findElement(By.id("demand-table")).getText().contains("Supply in 5 years"));
    assertThat(driver.findElement(By.id("demand-status")).getText()).contains("in 5 years");
    driver.executeScript("document.getElementById('results-h').scrollIntoView();");
    Browser.screenshot(driver, "recruiter-demand-results");
    driver.findElement(By.id("leakage.low")).clear();
    driver.findElement(By.id("leakage.low")).sendKeys("25", Keys.TAB);
    wait.until(d -> d.findElement(By.id("demand-error")).getText().contains("must not be above"));
    Browser.screenshot(driver, "recruiter-demand-refused");

    driver.manage().window().setSize(new Dimension(390, 844));
    driver.get("http://localhost:" + port + "/careers/demand");
    Browser.screenshot(driver, "recruiter-demand-phone");
    assertThat(
            driver.executeScript(
                "return document.documentElement.scrollWidth >"
                    + " document.documentElement.clientWidth;"))
        .isEqualTo(false);
  }
}
