package org.relief.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
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
  }

  private void ensure(String username, Role role) {
    if (accounts.findByUsername(username).isEmpty()) {
      accounts.create(
          new UserAccounts.NewUser(
              username, "Dr. Test Physician", "browser-pass-123", Set.of(role)));
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

    driver.findElement(By.linkText("Procedures")).click();
    assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Procedures");
    assertThat(driver.findElement(By.cssSelector("[aria-current=page]")).getText())
        .isEqualTo("Procedures");
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
    new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(5))
        .until(d -> d.getCurrentUrl().contains("actor=admin"));
    assertThat(driver.findElement(By.id("audit-results")).getText()).contains("SIGN_IN");
    Browser.screenshot(driver, "audit-trail");
  }
}
