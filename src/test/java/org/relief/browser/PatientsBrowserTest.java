package org.relief.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.relief.identity.UserAccounts;
import org.relief.patients.PatientDetails;
import org.relief.patients.PatientRegistry;
import org.relief.patients.Sex;
import org.relief.platform.Role;
import org.relief.support.Browser;
import org.relief.support.ReliefIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@ReliefIntegrationTest
class PatientsBrowserTest {

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

  @Test
  void frontDeskFindsAPatientAsTheyTypeAndOpensTheChart() {
    if (accounts.findByUsername("browser.desk").isEmpty()) {
      accounts.create(
          new UserAccounts.NewUser(
              "browser.desk", "Test Front Desk", "browser-pass-123", Set.of(Role.FRONT_DESK)));
      registry.register(
          new PatientDetails(
              "BR-1001",
              "Wilhelmsen",
              "Odalys",
              LocalDate.of(1958, 6, 14),
              Sex.FEMALE,
              "555-0142",
              null,
              "es"));
      registry.register(
          new PatientDetails(
              "BR-1002",
              "Wilhelmsen",
              "Bram",
              LocalDate.of(1990, 2, 1),
              Sex.MALE,
              null,
              null,
              "en"));
    }
    driver = Browser.start(1280, 800);
    driver.get("http://localhost:" + port + "/login");
    driver.findElement(By.id("username")).sendKeys("browser.desk");
    driver.findElement(By.id("password")).sendKeys("browser-pass-123", Keys.ENTER);
    new WebDriverWait(driver, Duration.ofSeconds(10))
        .until(d -> d.getCurrentUrl().endsWith("/today"));

    driver.findElement(By.linkText("Patients")).click();
    new WebDriverWait(driver, Duration.ofSeconds(10))
        .until(d -> d.getCurrentUrl().endsWith("/patients"));
    driver.findElement(By.id("q")).sendKeys("wilh");
    new WebDriverWait(driver, Duration.ofSeconds(10))
        .until(d -> d.findElements(By.cssSelector("#results tbody tr")).size() == 2);
    assertThat(driver.getCurrentUrl()).endsWith("/patients?q=wilh");
    driver.findElement(By.id("q")).sendKeys(" oda");
    new WebDriverWait(driver, Duration.ofSeconds(10))
        .until(d -> d.findElements(By.cssSelector("#results tbody tr")).size() == 1);
    Browser.screenshot(driver, "patients-search");

    driver.findElement(By.linkText("Wilhelmsen, Odalys")).click();
    new WebDriverWait(driver, Duration.ofSeconds(10))
        .until(d -> d.findElement(By.tagName("h1")).getText().startsWith("Wilhelmsen, Odalys"));
    assertThat(driver.findElement(By.cssSelector(".facts")).getText())
        .contains("BR-1001", "1958-06-14");
    Browser.screenshot(driver, "patient-chart");

    driver.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
    driver.get("http://localhost:" + port + "/patients/new");
    Browser.screenshot(driver, "patient-register-phone");
    Object overflow =
        driver.executeScript(
            "return document.documentElement.scrollWidth > document.documentElement.clientWidth;");
    assertThat(overflow).isEqualTo(false);
  }
}
