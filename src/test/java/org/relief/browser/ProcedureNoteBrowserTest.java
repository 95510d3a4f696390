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
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.relief.identity.UserAccounts;
import org.relief.patients.Patient;
import org.relief.patients.PatientDetails;
import org.relief.patients.PatientRegistry;
import org.relief.patients.Sex;
import org.relief.platform.Role;
import org.relief.support.Browser;
import org.relief.support.ReliefIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@ReliefIntegrationTest
class ProcedureNoteBrowserTest {

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
  void physicianWritesATransforaminalInjectionNoteWithTheKeyboardAndCompletesIt() {
    if (accounts.findByUsername("note.doctor").isEmpty()) {
      accounts.create(
          new UserAccounts.NewUser(
              "note.doctor", "Dr Note Writer", "browser-pass-123", Set.of(Role.PAIN_PHYSICIAN)));
    }
    Patient patient =
        registry.register(
            new PatientDetails(
                "BR-NOTE-" + System.nanoTime() % 1_000_000,
                "Vashti",
                "Corwin",
                LocalDate.of(1959, 6, 14),
                Sex.MALE,
                null,
                null,
                "en"));
    String base = "http://localhost:" + port;
    driver = Browser.start(1280, 2200);
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
    wait.ignoring(org.openqa.selenium.WebDriverException.class);
    driver.get(base + "/login");
    driver.findElement(By.id("username")).sendKeys("note.doctor");
    driver.findElement(By.id("password")).sendKeys("browser-pass-123", Keys.ENTER);
    wait.until(d -> d.getCurrentUrl().endsWith("/today"));

    driver.get(base + "/patients/" + patient.id());
    driver.findElement(By.linkText("Start a procedure note")).click();
    new Select(driver.findElement(By.id("procedureType"))).selectByValue("lumbar-tfesi");
    new Select(driver.findElement(By.id("laterality"))).selectByValue("left");
    Browser.screenshot(driver, "procedure-note-start");
    driver.findElement(By.cssSelector("button.primary")).click();
    wait.until(d -> d.getCurrentUrl().matches(".*/procedures/notes/\\d+$"));

    driver.findElement(By.xpath("//label[span[text()='L4–L5']]/input")).click();
    driver.findElement(By.xpath("//label[span[text()='L5–S1']]/input")).click();
    driver.findElement(By.id("approach")).sendKeys("transforaminal, subpedicular");
    new Select(driver.findElement(By.id("imaging"))).selectByValue("FLUOROSCOPY");
    driver
        .findElement(By.id("fluoroSeconds"))
        .sendKeys("22", Keys.TAB, "3.1", Keys.TAB, "iohexol 240", Keys.TAB, "1.5");
    new Select(driver.findElement(By.id("drug-0"))).selectByValue("dexamethasone");
    driver.findElement(By.id("dose-0")).sendKeys("10", Keys.TAB, "1");
    new Select(driver.findElement(By.id("drug-1"))).selectByValue("lidocaine");
    driver.findElement(By.id("dose-1")).sendKeys("10", Keys.TAB, "1");
    new Select(driver.findElement(By.id("sedation"))).selectByValue("NONE");
    driver.findElement(By.id("preNrs")).sendKeys("7");
    driver.findElement(By.id("postNrs")).sendKeys("2", Keys.TAB);
    wait.until(d -> d.findElement(By.id("derived")).getText().contains("64484"));
    assertThat(driver.findElement(By.id("steroid-exposure")).getText())
        .contains("this note adds 53.3 mg");
    Browser.screenshot(driver, "procedure-note-draft");

    driver.findElement(By.id("complete-note")).click();
    wait.until(d -> d.getCurrentUrl().endsWith("?completed"));
    assertThat(driver.findElement(By.tagName("main")).getText())
        .contains("Note completed and locked", "dexamethasone 10 mg", "7 → 2", "64483", "64484");
    Browser.screenshot(driver, "procedure-note-completed");

    driver.get(base + "/patients/" + patient.id());
    assertThat(driver.findElement(By.id("chart-steroid-exposure")).getText()).contains("53.3 mg");
    assertThat(driver.findElement(By.tagName("main")).getText())
        .contains("Lumbar transforaminal epidural steroid injection");
  }
}
