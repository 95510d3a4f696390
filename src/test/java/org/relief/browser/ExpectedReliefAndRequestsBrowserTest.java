package org.relief.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.relief.assessments.Instruments;
import org.relief.assessments.PatientQuestionnaires;
import org.relief.assessments.questionnaires.QuestionnaireRepository;
import org.relief.conferences.CaseConference;
import org.relief.conferences.CaseConferences;
import org.relief.consultations.PlanItemKind;
import org.relief.consultations.VisitKind;
import org.relief.consultations.notes.NoteDraft;
import org.relief.consultations.notes.VisitNotes;
import org.relief.consultations.visits.AppointmentBook;
import org.relief.identity.UserAccount;
import org.relief.identity.UserAccounts;
import org.relief.outcomes.OutcomeFixture;
import org.relief.patients.PatientRegistry;
import org.relief.patients.diagnoses.PatientDiagnoses;
import org.relief.platform.PracticeSettings;
import org.relief.platform.Role;
import org.relief.procedures.PerformedProcedure;
import org.relief.procedures.PerformedProcedures;
import org.relief.review.summary.SummaryFixtures;
import org.relief.support.Browser;
import org.relief.support.MutableClock;
import org.relief.support.ReliefIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A physician's consultation with goals and a case-conference item, a procedure after it with its
 * follow-ups: the visit page and the pre-visit summary (page and PDF) compare the expected relief
 * with the achieved, and the request waits on the conferences page until it is placed.
 */
@ReliefIntegrationTest
class ExpectedReliefAndRequestsBrowserTest {

  private static final String PASSWORD = "browser-pass-123";

  @LocalServerPort int port;
  @Autowired ApplicationContext app;
  @Autowired UserAccounts accounts;
  @Autowired PatientRegistry patients;
  @Autowired PatientDiagnoses diagnoses;
  @Autowired PerformedProcedures procedures;
  @Autowired Instruments instruments;
  @Autowired QuestionnaireRepository responses;
  @Autowired PatientQuestionnaires questionnaires;
  @Autowired ApplicationEventPublisher events;
  @Autowired TransactionTemplate tx;
  @Autowired JdbcClient jdbc;
  @Autowired MutableClock clock;
  @Autowired PracticeSettings practice;
  @Autowired AppointmentBook book;
  @Autowired VisitNotes notes;
  @Autowired CaseConferences conferences;

  private ChromeDriver driver;
  private java.time.Instant start;

  @AfterEach
  void quit() {
    if (driver != null) {
      driver.quit();
    }
    if (start != null) {
      clock.set(start);
    }
  }

  private UserAccount account(String prefix, Role role) {
    String name = prefix + "-" + System.nanoTime() % 1_000_000;
    return accounts.create(
        new UserAccounts.NewUser(name, "Dr " + prefix + " Test", PASSWORD, Set.of(role)));
  }

  @Test
  void physicianSeesExpectedAgainstAchievedReliefAndPlacesTheConferenceRequest()
      throws IOException {
    UserAccount doctor = account("relief.dr", Role.PAIN_PHYSICIAN);
    UserAccount surgeon = account("relief.surgeon", Role.SURGEON);
    var seeded = SummaryFixtures.patientWithHistory(app, 1, 60, false);
    long patientId = seeded.patient().id();
    LocalDate today = practice.today(clock);
    start = clock.instant();
    clock.set(start.minus(Duration.ofDays(100)));
    LocalDate visitDay = practice.today(clock);
    long visitId =
        book.bookSynthetic(
                new AppointmentBook.Booking(
                    patientId,
                    doctor.id(),
                    VisitKind.FOLLOW_UP,
                    LocalDateTime.of(visitDay, LocalTime.of(8, 0)),
                    null),
                doctor.id())
            .id();
    notes.addPlanItem(visitId, doctor.id(), PlanItemKind.PROCEDURE, "lumbar-mbb", "L4–L5 left");
    notes.addPlanItem(
        visitId,
        doctor.id(),
        PlanItemKind.CASE_CONFERENCE,
        null,
        "Decompression at L4–L5, or a spinal cord stimulator trial first?");
    notes.sign(
        visitId,
        doctor.id(),
        new NoteDraft(
            "Left leg pain for a year despite two ESIs.",
            "Facet loading positive on the left.",
            "MRI: L4–L5 facet arthropathy, moderate canal stenosis.",
            "Lumbar facet-mediated pain; stenosis.",
            "Synthetic browser-test note.",
            "Walk the dog for 30 minutes; sit through a film.",
            50,
            List.of()));
    clock.set(start);
    OutcomeFixture outcomes =
        new OutcomeFixture(
            patients,
            diagnoses,
            accounts,
            procedures,
            instruments,
            responses,
            questionnaires,
            events,
            tx,
            jdbc);
    PerformedProcedure treated =
        outcomes.procedure(
            seeded.patient(),
            doctor,
            "lumbar-mbb",
            visitDay.plusDays(5),
            List.of("L4–L5", "L5–S1"),
            8);
    outcomes.answered(treated, "P2W", visitDay.plusDays(19), Map.of("nrs", 2));
    outcomes.answered(treated, "P3M", visitDay.plusDays(95), Map.of("nrs", 6));
    CaseConference conference =
        conferences.schedule(
            new CaseConferences.Schedule(
                "Spine conference (browser test)",
                LocalDateTime.of(today.plusDays(4), LocalTime.of(7, 30)),
                Set.of(surgeon.id())),
            doctor.id());
    Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                jdbc.sql("SELECT count(*) FROM conference_request WHERE visit_id = :v")
                        .param("v", visitId)
                        .query(Long.class)
                        .single()
                    == 1);

    long requestId =
        jdbc.sql("SELECT id FROM conference_request WHERE visit_id = :v")
            .param("v", visitId)
            .query(Long.class)
            .single();
    String mine = "#awaiting li[data-request='" + requestId + "']";

    String base = "http://localhost:" + port;
    driver = Browser.start(1280, 900);
    WebDriverWait wait =
        (WebDriverWait)
            new WebDriverWait(driver, Duration.ofSeconds(15)).ignoring(WebDriverException.class);
    driver.get(base + "/login");
    driver.findElement(By.id("username")).sendKeys(doctor.username());
    driver.findElement(By.id("password")).sendKeys(PASSWORD, Keys.ENTER);
    wait.until(d -> d.getCurrentUrl().endsWith("/today"));

    driver.get(base + "/visits/" + visitId);
    String card = wait.until(d -> d.findElement(By.id("expected-relief"))).getText();
    assertThat(card).contains("50 %", "2 weeks: 75 %", "met", "3 months: 25 %", "not met");
    driver.executeScript(
        "document.getElementById('goals-heading').scrollIntoView({block: 'start'});");
    Browser.screenshot(driver, "visit-expected-relief-desktop");

    driver.get(base + "/patients/" + patientId + "/summary");
    String lines = wait.until(d -> d.findElement(By.cssSelector(".expectation-lines"))).getText();
    assertThat(lines).contains("expected 50 % — 2 weeks: 75 % met; 3 months: 25 % not met");
    assertThat(driver.findElement(By.id("changes")).getText())
        .contains("What changed since " + visitDay);
    assertThat(driver.findElement(By.cssSelector("#main")).getText())
        .contains("the last visit (V-" + visitId + ", follow-up)");
    driver.executeScript("document.getElementById('changes').scrollIntoView({block: 'start'});");
    Browser.screenshot(driver, "summary-expected-relief-desktop");

    Path downloads = Files.createTempDirectory("summary-pdf-");
    driver.executeCdpCommand(
        "Browser.setDownloadBehavior",
        Map.of("behavior", "allow", "downloadPath", downloads.toString()));
    driver.findElement(By.id("summary-pdf")).click();
    new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> pdfIn(downloads) != null);
    try (PDDocument pdf = Loader.loadPDF(pdfIn(downloads).toFile())) {
      assertThat(pdf.getNumberOfPages()).isEqualTo(1);
      assertThat(new PDFTextStripper().getText(pdf))
          .contains("Expected relief against achieved", "expected 50 %");
      ImageIO.write(
          new PDFRenderer(pdf).renderImageWithDPI(0, 110),
          "png",
          Path.of("target", "screenshots", "summary-pdf-expected-relief.png").toFile());
    }

    driver.get(base + "/conferences");
    String awaiting = wait.until(d -> d.findElement(By.cssSelector(mine))).getText();
    assertThat(awaiting)
        .contains("Summerhill, Rosa", "Decompression at L4–L5, or a spinal cord stimulator");
    Browser.screenshot(driver, "conferences-awaiting-desktop");
    driver.manage().window().setSize(new Dimension(390, 844));
    driver.navigate().refresh();
    wait.until(d -> d.findElement(By.id("awaiting")));
    Browser.screenshot(driver, "conferences-awaiting-phone");
    driver.get(base + "/visits/" + visitId);
    wait.until(d -> d.findElement(By.id("expected-relief")));
    driver.executeScript(
        "document.getElementById('expected-relief').scrollIntoView({block: 'start'});");
    Browser.screenshot(driver, "visit-expected-relief-phone");
    driver.manage().window().setSize(new Dimension(1280, 900));

    driver.get(base + "/conferences");
    wait.until(d -> d.findElement(By.id("awaiting")));
    driver.findElement(By.cssSelector(mine + " a.button")).click();
    wait.until(d -> d.getCurrentUrl().contains("/conferences/nominate"));
    assertThat(driver.findElement(By.id("question")).getAttribute("value"))
        .isEqualTo("Decompression at L4–L5, or a spinal cord stimulator trial first?");
    new Select(driver.findElement(By.id("conferenceId")))
        .selectByValue(Long.toString(conference.id()));
    driver.findElement(By.id("imagingReport")).sendKeys("MRI: moderate L4–L5 canal stenosis.");
    Browser.screenshot(driver, "conferences-place-request-desktop");
    driver.findElement(By.cssSelector("form.history-form button[type=submit]")).click();
    wait.until(d -> d.getCurrentUrl().matches(".*/conferences/cases/\\d+$"));

    driver.get(base + "/conferences");
    assertThat(driver.findElements(By.cssSelector(mine)))
        .as("the placed request no longer awaits")
        .isEmpty();
  }

  private static Path pdfIn(Path folder) {
    try (var files = Files.list(folder)) {
      return files.filter(f -> f.toString().endsWith(".pdf")).findFirst().orElse(null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
