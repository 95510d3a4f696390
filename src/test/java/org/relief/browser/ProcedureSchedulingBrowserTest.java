package org.relief.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.relief.identity.UserAccount;
import org.relief.identity.UserAccounts;
import org.relief.patients.Patient;
import org.relief.patients.PatientDetails;
import org.relief.patients.PatientRegistry;
import org.relief.patients.Sex;
import org.relief.platform.Role;
import org.relief.procedures.scheduling.Imaging;
import org.relief.procedures.scheduling.ProcedureRooms;
import org.relief.support.Browser;
import org.relief.support.MutableClock;
import org.relief.support.ReliefIntegrationTest;
import org.relief.support.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@ReliefIntegrationTest
class ProcedureSchedulingBrowserTest {

  private static final ZoneId PRACTICE = ZoneId.of("America/New_York");
  private static final LocalDate DAY = LocalDate.of(2030, 6, 12);

  @LocalServerPort int port;
  @Autowired UserAccounts accounts;
  @Autowired PatientRegistry registry;
  @Autowired ProcedureRooms rooms;
  @Autowired MutableClock clock;

  private ChromeDriver driver;

  @AfterEach
  void quit() {
    if (driver != null) {
      driver.quit();
    }
    clock.set(Instant.now());
  }

  private UserAccount account(String username, Role role) {
    return accounts
        .findByUsername(username)
        .orElseGet(
            () ->
                accounts.create(
                    new UserAccounts.NewUser(
                        username, "Browser " + role.label(), "browser-pass-123", Set.of(role))));
  }

  private void signIn(String username, String password) {
    driver.manage().deleteAllCookies();
    driver.get("http://localhost:" + port + "/login");
    driver.findElement(By.id("username")).sendKeys(username);
    driver.findElement(By.id("password")).sendKeys(password, Keys.ENTER);
    new WebDriverWait(driver, Duration.ofSeconds(10))
        .until(d -> !d.getCurrentUrl().endsWith("/login"));
  }

  @Test
  void deskBooksFromTheChartTicksByKeyboardAndThePhysicianOverridesAndStarts() {
    clock.set(DAY.atTime(11, 0).atZone(PRACTICE).toInstant());
    String base = "http://localhost:" + port;
    UserAccount physician = account("browser.sched.physician", Role.PAIN_PHYSICIAN);
    account("browser.sched.desk", Role.FRONT_DESK);
    Patient patient =
        registry.register(
            new PatientDetails(
                "BR-SCHED-" + (System.nanoTime() % 100000),
                "Halvorsen",
                "Ingrid",
                LocalDate.of(1971, 3, 9),
                Sex.FEMALE,
                null,
                null,
                "en"));
    var room =
        rooms.addRoom(
            "Browser Room " + (System.nanoTime() % 100000),
            List.of(Imaging.FLUOROSCOPY, Imaging.ULTRASOUND));
    rooms.addSession(room.id(), DAY, LocalTime.of(13, 0), LocalTime.of(17, 0), physician.id());

    driver = Browser.start(1280, 900);
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));
    wait.ignoring(org.openqa.selenium.WebDriverException.class);

    signIn(TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
    driver.get(base + "/procedures/rooms");
    assertThat(driver.findElement(By.id("sessions")).getText()).contains("Browser Room ");
    Browser.screenshot(driver, "procedure-rooms");

    signIn("browser.sched.desk", "browser-pass-123");
    driver.get(base + "/patients/" + patient.id());
    driver.findElement(By.id("book-procedure-link")).click();
    wait.until(d -> d.getCurrentUrl().contains("/procedures/bookings/new"));
    new Select(driver.findElement(By.id("session"))).selectByIndex(1);
    driver.findElement(By.id("start")).sendKeys("1400");
    new Select(driver.findElement(By.id("procedure"))).selectByValue("lumbar-tfesi");
    driver.findElement(By.id("levels")).sendKeys("L4-L5");
    new Select(driver.findElement(By.id("side"))).selectByValue("left");
    driver.findElement(By.id("sedation")).click();
    Browser.screenshot(driver, "procedure-book");
    driver.findElement(By.id("book-procedure")).click();
    wait.until(d -> d.getCurrentUrl().matches(".*/procedures/bookings/\\d+$"));
    assertThat(driver.findElement(By.id("readiness")).getText()).isEqualTo("Not ready (7 open)");

    driver.findElement(By.id("note-consent")).sendKeys("Signed at the desk", Keys.ENTER);
    wait.until(d -> d.findElement(By.id("state-consent")).getText().equals("Done"));
    driver.findElement(By.id("done-driver")).click();
    wait.until(d -> d.findElement(By.id("state-driver")).getText().equals("Done"));
    assertThat(driver.findElement(By.id("readiness")).getText()).isEqualTo("Not ready (5 open)");
    Browser.screenshot(driver, "procedure-checklist-desk");

    signIn("browser.sched.physician", "browser-pass-123");
    driver.get(base + "/procedures/schedule?date=" + DAY);
    assertThat(driver.findElement(By.id("schedule")).getText())
        .contains("Halvorsen, Ingrid", "Not ready (5 open)");
    Browser.screenshot(driver, "procedure-list");
    driver.findElement(By.partialLinkText("14:00")).click();
    wait.until(d -> d.getCurrentUrl().matches(".*/procedures/bookings/\\d+$"));
    driver.findElement(By.id("start-procedure")).click();
    wait.until(d -> !d.findElements(By.id("checklist-error")).isEmpty());
    assertThat(driver.findElement(By.id("checklist-error")).getText())
        .startsWith("Not ready to start. Open: Contrast allergy checked;");
    for (String item :
        List.of("contrast-allergy", "infection", "fasting", "imaging", "prior-authorisation")) {
      driver
          .findElement(By.id("override-reason-" + item))
          .sendKeys("Checked verbally in the bay", Keys.ENTER);
      wait.until(d -> d.findElement(By.id("state-" + item)).getText().equals("Overridden"));
    }
    assertThat(driver.findElement(By.id("readiness")).getText()).isEqualTo("Overridden (5)");
    Browser.screenshot(driver, "procedure-checklist-physician");
    driver.findElement(By.id("start-procedure")).click();
    wait.until(d -> d.getCurrentUrl().matches(".*/procedures/notes/\\d+$"));
    String notePath = driver.getCurrentUrl();
    assertThat(driver.findElement(By.xpath("//label[span[text()='L4–L5']]/input")).isSelected())
        .as("the note starts with the booked levels")
        .isTrue();
    new Select(driver.findElement(By.id("imaging"))).selectByValue("FLUOROSCOPY");
    driver
        .findElement(By.id("fluoroSeconds"))
        .sendKeys("18", Keys.TAB, "2.4", Keys.TAB, "iohexol 240", Keys.TAB, "1");
    new Select(driver.findElement(By.id("drug-0"))).selectByValue("dexamethasone");
    driver.findElement(By.id("dose-0")).sendKeys("10", Keys.TAB, "1");
    new Select(driver.findElement(By.id("sedation"))).selectByValue("MINIMAL");
    driver.findElement(By.id("preNrs")).sendKeys("8");
    driver.findElement(By.id("postNrs")).sendKeys("3");
    Browser.screenshot(driver, "procedure-started-note");
    driver.findElement(By.id("complete-note")).click();
    wait.until(d -> d.getCurrentUrl().endsWith("?completed"));
    assertThat(driver.findElement(By.tagName("main")).getText())
        .contains("Note completed and locked", "64483");

    driver.navigate().back();
    driver.navigate().back();
    driver.get(base + "/procedures/schedule?date=" + DAY);
    assertThat(driver.findElement(By.id("schedule")).getText()).contains("Halvorsen, Ingrid");
    driver.findElement(By.partialLinkText("14:00")).click();
    wait.until(d -> d.getCurrentUrl().matches(".*/procedures/bookings/\\d+$"));
    assertThat(driver.findElement(By.id("booking-status")).getText()).isEqualTo("Completed");
    assertThat(driver.findElement(By.id("open-note")).getAttribute("href")).isEqualTo(notePath);
    Browser.screenshot(driver, "procedure-completed-checklist");

    driver.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
    driver.get(base + "/procedures/schedule?date=" + DAY);
    Browser.screenshot(driver, "procedure-list-phone");
  }
}
