package org.relief.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.relief.consultations.VisitKind;
import org.relief.consultations.visits.AppointmentBook;
import org.relief.identity.UserAccount;
import org.relief.identity.UserAccounts;
import org.relief.patients.Patient;
import org.relief.patients.PatientDetails;
import org.relief.patients.PatientRegistry;
import org.relief.patients.Sex;
import org.relief.patients.diagnoses.DiagnosisRank;
import org.relief.patients.diagnoses.DiagnosisStatus;
import org.relief.patients.diagnoses.PatientDiagnoses;
import org.relief.platform.PracticeSettings;
import org.relief.platform.Role;
import org.relief.support.Browser;
import org.relief.support.MutableClock;
import org.relief.support.ReliefIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@ReliefIntegrationTest
class PhysicianMorningBrowserTest {

  @LocalServerPort int port;
  @Autowired UserAccounts accounts;
  @Autowired PatientRegistry registry;
  @Autowired PatientDiagnoses diagnoses;
  @Autowired AppointmentBook book;
  @Autowired MutableClock clock;
  @Autowired PracticeSettings practice;

  private ChromeDriver driver;

  @AfterEach
  void quit() {
    if (driver != null) {
      driver.quit();
    }
  }

  @Test
  void physicianOpensAVisitFromTodayWritesTheNotePlansAProcedureAndSignsIt() {
    UserAccount doctor =
        accounts.create(
            new UserAccounts.NewUser(
                "morning.doctor",
                "Dr Morning Test",
                "browser-pass-123",
                Set.of(Role.PAIN_PHYSICIAN)));
    Patient patient =
        registry.register(
            new PatientDetails(
                "BR-MORNING",
                "Haverford",
                "Nell",
                LocalDate.of(1958, 4, 12),
                Sex.FEMALE,
                null,
                null,
                "en"));
    diagnoses.add(patient.id(), "M54.16", DiagnosisRank.PRIMARY, DiagnosisStatus.ACTIVE, null);
    Patient later =
        registry.register(
            new PatientDetails(
                "BR-MORNING-2",
                "Galloway",
                "Ivo",
                LocalDate.of(1971, 8, 1),
                Sex.MALE,
                null,
                null,
                "en"));
    LocalDate today = LocalDate.now(clock.withZone(practice.timeZone()));
    long visitId =
        book.bookSynthetic(
                new AppointmentBook.Booking(
                    patient.id(),
                    doctor.id(),
                    VisitKind.NEW,
                    LocalDateTime.of(today, LocalTime.of(8, 30)),
                    null),
                doctor.id())
            .id();
    book.markArrived(visitId);
    book.bookSynthetic(
        new AppointmentBook.Booking(
            later.id(),
            doctor.id(),
            VisitKind.FOLLOW_UP,
            LocalDateTime.of(today, LocalTime.of(9, 30)),
            null),
        doctor.id());

    String base = "http://localhost:" + port;
    driver = Browser.start(1280, 1000);
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));
    wait.ignoring(org.openqa.selenium.WebDriverException.class);
    driver.get(base + "/login");
    driver.findElement(By.id("username")).sendKeys("morning.doctor");
    driver.findElement(By.id("password")).sendKeys("browser-pass-123", Keys.ENTER);
    wait.until(d -> d.getCurrentUrl().endsWith("/today"));
    String list = driver.findElement(By.tagName("main")).getText();
    assertThat(list)
        .contains("Your clinic list", "08:30", "Haverford, Nell", "New patient", "Arrived")
        .contains(
            "09:30", "Galloway, Ivo", "Follow-up", "None sent", "No open treatment-plan items");
    Browser.screenshot(driver, "today-physician");

    driver.findElement(By.linkText("Haverford, Nell")).click();
    wait.until(d -> d.getCurrentUrl().endsWith("/visits/" + visitId));
    Browser.screenshot(driver, "visit-note-draft");
    driver.findElement(By.id("presentIllness")).sendKeys("Left leg pain for 6 months.");
    driver.findElement(By.id("examFindings")).sendKeys("Straight leg raise positive on the left.");
    driver.findElement(By.id("imagingReviewed")).sendKeys("MRI: L5-S1 disc protrusion.");
    driver.findElement(By.id("assessment")).sendKeys("Left S1 radiculopathy.");
    driver.findElement(By.cssSelector("input[name='diagnosisIds']")).click();
    driver.findElement(By.id("functionalGoals")).sendKeys("Walk to the shops and back.");
    driver.findElement(By.id("expectedRelief")).sendKeys("60");

    new Select(driver.findElement(By.id("kind"))).selectByValue("PROCEDURE");
    new Select(driver.findElement(By.id("procedureCode"))).selectByValue("lumbar-tfesi");
    driver.findElement(By.id("detail")).sendKeys("Left L5-S1");
    driver.findElement(By.xpath("//button[text()='Add to plan']")).click();
    wait.until(d -> d.findElement(By.id("plan")).getText().contains("Left L5-S1"));
    assertThat(driver.getCurrentUrl()).endsWith("/visits/" + visitId);
    assertThat(driver.findElement(By.id("assessment")).getAttribute("value"))
        .isEqualTo("Left S1 radiculopathy.");
    Browser.screenshot(driver, "visit-note-filled");

    driver.findElement(By.xpath("//button[text()='Save and sign']")).click();
    wait.until(d -> d.findElement(By.tagName("main")).getText().contains("The note is locked"));
    String signed = driver.findElement(By.tagName("main")).getText();
    assertThat(signed)
        .contains("Signed by Dr Morning Test", "Left S1 radiculopathy.", "M54.16")
        .contains("Walk to the shops and back.", "60 %")
        .contains("Lumbar transforaminal epidural steroid injection", "Left L5-S1", "Proposed")
        .doesNotContain("Save and sign");
    assertThat(driver.findElements(By.id("assessment"))).isEmpty();
    Browser.screenshot(driver, "visit-note-signed");

    driver.findElement(By.linkText("Clinic list")).click();
    wait.until(d -> d.getCurrentUrl().endsWith("/today"));
    String after = driver.findElement(By.tagName("main")).getText();
    assertThat(after).contains("Seen", "Signed", "Tasks", "Procedure", "Left L5-S1");
    Browser.screenshot(driver, "today-after-signing");
  }

  @Test
  void frontDeskBooksAVisitAndIsToldWhenTheClinicianIsTaken() {
    UserAccount doctor =
        accounts
            .findByUsername("morning.surgeon")
            .orElseGet(
                () ->
                    accounts.create(
                        new UserAccounts.NewUser(
                            "morning.surgeon",
                            "Dr Desk Test",
                            "browser-pass-123",
                            Set.of(Role.SURGEON))));
    if (accounts.findByUsername("morning.desk").isEmpty()) {
      accounts.create(
          new UserAccounts.NewUser(
              "morning.desk", "Desk Browser", "browser-pass-123", Set.of(Role.FRONT_DESK)));
    }
    // Letters only, as the search box must find MRNs without digits; different on a rerun.
    String mrn =
        "BR-DESK-"
            + Long.toString(System.nanoTime() % 1_000_000L, 26)
                .chars()
                .mapToObj(c -> String.valueOf((char) ('A' + Character.digit(c, 26))))
                .reduce("", String::concat);
    Patient patient =
        registry.register(
            new PatientDetails(
                mrn, "Fairbanks", "Otto", LocalDate.of(1980, 2, 3), Sex.MALE, null, null, "en"));
    LocalDate tomorrow = LocalDate.now(clock.withZone(practice.timeZone())).plusDays(1);
    String base = "http://localhost:" + port;
    driver = Browser.start(1280, 1000);
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));
    wait.ignoring(org.openqa.selenium.WebDriverException.class);
    driver.get(base + "/login");
    driver.findElement(By.id("username")).sendKeys("morning.desk");
    driver.findElement(By.id("password")).sendKeys("browser-pass-123", Keys.ENTER);
    wait.until(d -> d.getCurrentUrl().endsWith("/today"));
    driver.findElement(By.linkText("All visits and booking")).click();
    wait.until(d -> d.getCurrentUrl().contains("/visits"));
    for (String time : new String[] {"1000", "1015"}) {
      driver.findElement(By.id("mrn")).clear();
      driver.findElement(By.id("mrn")).sendKeys(mrn);
      new Select(driver.findElement(By.id("clinicianId"))).selectByVisibleText("Dr Desk Test");
      new Select(driver.findElement(By.id("kind"))).selectByValue("NEW");
      driver
          .findElement(By.id("date"))
          .sendKeys(
              String.format(
                  "%02d%02d%d",
                  tomorrow.getMonthValue(), tomorrow.getDayOfMonth(), tomorrow.getYear()));
      driver.findElement(By.id("time")).sendKeys(time + "AM");
      var before = driver.findElement(By.tagName("main"));
      driver.findElement(By.xpath("//button[text()='Book visit']")).click();
      wait.until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(before));
      wait.until(d -> d.findElement(By.tagName("main")).getText().contains(doctor.displayName()));
    }
    String page = driver.findElement(By.tagName("main")).getText();
    assertThat(page)
        .contains("Dr Desk Test already has a visit from 10:00 to 10:45")
        .contains("Fairbanks, Otto", "10:00–10:45", "New patient");
    Browser.screenshot(driver, "visits-front-desk");
  }
}
