package org.relief.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.relief.identity.UserAccounts;
import org.relief.platform.Role;
import org.relief.support.Browser;
import org.relief.support.Http;
import org.relief.support.ReliefIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@ReliefIntegrationTest
class SpecialistPagesBrowserTest {

  private static final String PASSWORD = "browser-pass-123";

  @LocalServerPort int port;
  @Autowired UserAccounts accounts;

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
    wait.ignoring(StaleElementReferenceException.class);
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
}
