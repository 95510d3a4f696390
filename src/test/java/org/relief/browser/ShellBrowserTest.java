package org.relief.browser;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.relief.identity.UserAccounts;
import org.relief.platform.Role;
import org.relief.support.Browser;
import org.relief.support.ReliefIntegrationTest;
import org.relief.support.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@ReliefIntegrationTest
class ShellBrowserTest {

  @LocalServerPort int port;
  @Autowired UserAccounts accounts;

  private ChromeDriver driver;

  @AfterEach
  void quit() {
    if (driver != null) {
      driver.quit();
    }
  }

  private void signIn(String username, String password) {
    driver.get("http://localhost:" + port + "/login");
    driver.findElement(By.id("username")).sendKeys(username);
    driver.findElement(By.id("password")).sendKeys(password, Keys.ENTER);
    new WebDriverWait(driver, Duration.ofSeconds(10))
        .until(d -> !d.getCurrentUrl().endsWith("/login"));
  }

  private void ensure(String username, String name, Role role) {
    if (accounts.findByUsername(username).isEmpty()) {
      accounts.create(new UserAccounts.NewUser(username, name, "browser-pass-123", Set.of(role)));
    }
  }

  @Test
  void physicianSignsInAndSeesTheShellOfTheDay() {
    ensure("browser.physician", "Dr. Test Physician", Role.PAIN_PHYSICIAN);
    driver = Browser.start(1280, 860);
    driver.get("http://localhost:" + port + "/login");
    Browser.screenshot(driver, "login");
    signIn("browser.physician", "browser-pass-123");

    assertThat(driver.getCurrentUrl()).endsWith("/today");
    List<String> navigation =
        driver.findElements(By.cssSelector(".shell-nav a")).stream()
            .map(WebElement::getText)
            .toList();
    assertThat(navigation)
        .containsExactly(
            "Today", "Patients", "Conferences", "Procedures", "Follow-ups", "Outcomes", "Careers");
    assertThat(driver.findElement(By.cssSelector("[aria-current=page]")).getText())
        .isEqualTo("Today");
    assertThat(driver.findElement(By.tagName("h1")).getText()).startsWith("Today");
    Object htmxLoaded = driver.executeScript("return typeof window.htmx;");
    assertThat(htmxLoaded).isEqualTo("object");
    Browser.screenshot(driver, "shell-desktop");

    driver.navigate().refresh();
    Object stored =
        driver.executeScript(
            "return Object.keys(localStorage).concat(Object.keys(sessionStorage)).join(',');");
    // htmx remembers only the current path (URLs carry IDs, never health data); page snapshots
    // (htmx-history-cache) must never be stored on the device.
    assertThat(stored)
        .as("keys in browser storage (no health data on the device)")
        .isIn("", "htmx-current-path-for-history");

    driver.findElement(By.linkText("Procedures")).click();
    new WebDriverWait(driver, Duration.ofSeconds(10))
        .until(d -> d.getCurrentUrl().endsWith("/procedures"));
    assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Procedure catalogue");
    Browser.screenshot(driver, "procedure-catalogue");
    driver.get(
        "http://localhost:"
            + port
            + "/procedures/anticoagulation?procedure=scs-implant&date=2026-12-01"
            + "&medications=apixaban%0Aclopidogrel%0Aaspirin+secondary-prophylaxis");
    assertThat(driver.findElement(By.id("risk-class")).getText()).isEqualTo("high");
    driver.executeScript("document.getElementById('plan-title').scrollIntoView();");
    Browser.screenshot(driver, "anticoagulation-plan");
    driver.navigate().back();
    assertThat(driver.findElement(By.cssSelector("[aria-current=page]")).getText())
        .isEqualTo("Procedures");

    driver.findElement(By.cssSelector(".who button")).click();
    new WebDriverWait(driver, Duration.ofSeconds(10))
        .until(d -> d.getCurrentUrl().endsWith("/login?signedOut"));
    driver.navigate().back();
    driver.navigate().refresh();
    assertThat(driver.getCurrentUrl()).endsWith("/login");
  }

  @Test
  void shellWorksAtPhoneSizeAndWithTheKeyboard() {
    ensure("browser.nurse", "Test Nurse, RN", Role.NURSE);
    driver = Browser.start(390, 844);
    signIn("browser.nurse", "browser-pass-123");
    assertThat(driver.getCurrentUrl()).endsWith("/today");
    Object overflow =
        driver.executeScript(
            "return document.documentElement.scrollWidth > document.documentElement.clientWidth;");
    assertThat(overflow).as("page wider than a phone screen").isEqualTo(false);

    driver.findElement(By.tagName("body")).sendKeys(Keys.TAB);
    WebElement focused = driver.switchTo().activeElement();
    assertThat(focused.getText()).isEqualTo("Skip to content");
    Browser.screenshot(driver, "shell-phone");
  }

  @Test
  void adminSeesUsersAndTheAuditTrail() {
    driver = Browser.start(1280, 900);
    signIn(TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
    driver.get("http://localhost:" + port + "/admin/users");
    assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Users and roles");
    Browser.screenshot(driver, "admin-users");

    driver.get("http://localhost:" + port + "/audit");
    assertThat(driver.findElement(By.id("chain-status")).getText()).startsWith("Chain intact");
    driver.findElement(By.id("actor")).sendKeys("admin");
    driver.findElement(By.cssSelector(".filters button")).click();
    new WebDriverWait(driver, Duration.ofSeconds(5))
        .until(d -> d.getCurrentUrl().contains("actor=admin"));
    assertThat(driver.findElement(By.id("audit-results")).getText()).contains("SIGN_IN");
    Object cached =
        driver.executeScript(
            "return sessionStorage.getItem('htmx-history-cache')"
                + " || localStorage.getItem('htmx-history-cache');");
    assertThat(cached).as("htmx page snapshots kept in browser storage").isNull();
    Browser.screenshot(driver, "audit-trail");

    driver.findElement(By.cssSelector("a.who-name")).click();
    new WebDriverWait(driver, Duration.ofSeconds(10))
        .until(d -> d.getCurrentUrl().endsWith("/account/security"));
    driver.findElement(By.cssSelector("form[action$='/setup'] button")).click();
    new WebDriverWait(driver, Duration.ofSeconds(10))
        .until(d -> !d.findElements(By.id("setup-key")).isEmpty());
    assertThat(driver.findElement(By.id("setup-key")).getText()).matches("[A-Z2-7]{32}");
    Browser.screenshot(driver, "two-step-setup");
  }
}
