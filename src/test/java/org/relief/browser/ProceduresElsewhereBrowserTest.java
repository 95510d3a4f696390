package org.relief.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.relief.fhir.FhirClients;
import org.relief.identity.UserAccounts;
import org.relief.patients.Patient;
import org.relief.patients.PatientRegistry;
import org.relief.patients.Sex;
import org.relief.platform.Role;
import org.relief.support.Browser;
import org.relief.support.ReliefIntegrationTest;
import org.relief.support.TestPatients;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@ReliefIntegrationTest
class ProceduresElsewhereBrowserTest {

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
  void aProcedureImportedOverFhirShowsOnTheChartAsRecordedElsewhere(
      int width, int height, String size) {
    if (accounts.findByUsername("browser.elsewhere").isEmpty()) {
      accounts.create(
          new UserAccounts.NewUser(
              "browser.elsewhere",
              "Test Physician",
              "browser-pass-123",
              Set.of(Role.PAIN_PHYSICIAN)));
    }
    Patient patient = TestPatients.register(registry, "BR-PE", Sex.FEMALE);
    Procedure pt = new Procedure();
    pt.setStatus(Procedure.ProcedureStatus.COMPLETED);
    pt.setCode(
        new CodeableConcept(
            new Coding(
                "http://snomed.info/sct",
                "91251008",
                "Physical therapy procedure (regime/therapy)")));
    pt.setSubject(new Reference("Patient/" + patient.id()));
    pt.setPerformed(new DateTimeType("2025-02-03T14:00:00Z"));
    FhirClients.full(port).create().resource(pt).execute();

    String base = "http://localhost:" + port;
    driver = Browser.start(width, height);
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));
    wait.ignoring(org.openqa.selenium.WebDriverException.class);
    driver.get(base + "/login");
    driver.findElement(By.id("username")).sendKeys("browser.elsewhere");
    driver.findElement(By.id("password")).sendKeys("browser-pass-123", Keys.ENTER);
    wait.until(d -> d.getCurrentUrl().endsWith("/today"));

    driver.get(base + "/patients/" + patient.id());
    wait.until(d -> !d.findElements(By.id("procedures-elsewhere")).isEmpty());
    driver.executeScript(
        "document.getElementById('procedures-elsewhere').scrollIntoView({block: 'start'});");
    String section = driver.findElement(By.id("procedures-elsewhere")).getText();
    assertThat(section)
        .contains(
            "Procedures recorded elsewhere",
            "Physical therapy procedure (regime/therapy)",
            "2025-02-03",
            "completed");
    Browser.screenshot(driver, "chart-procedures-elsewhere-" + size);
    Object overflow =
        driver.executeScript(
            "return document.documentElement.scrollWidth > document.documentElement.clientWidth;");
    assertThat(overflow).isEqualTo(false);
  }
}
