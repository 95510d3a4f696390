package org.relief.review.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.relief.audit.AuditActions;
import org.relief.consultations.VisitKind;
import org.relief.consultations.notes.NoteDraft;
import org.relief.consultations.notes.VisitNotes;
import org.relief.consultations.visits.AppointmentBook;
import org.relief.identity.UserAccounts;
import org.relief.platform.PracticeSettings;
import org.relief.platform.Role;
import org.relief.support.MutableClock;
import org.relief.support.ReliefIntegrationTest;
import org.relief.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** "What changed since the last visit" counts from the patient's last visit in consultations. */
@ReliefIntegrationTest
class SinceLastVisitTest {

  @LocalServerPort int port;
  @Autowired ApplicationContext app;
  @Autowired UserAccounts accounts;
  @Autowired AppointmentBook book;
  @Autowired VisitNotes notes;
  @Autowired PreVisitSummaries summaries;
  @Autowired MutableClock clock;
  @Autowired PracticeSettings practice;

  private long clinician() {
    return accounts
        .create(
            new UserAccounts.NewUser(
                "since-dr-" + System.nanoTime(),
                "Dr Since",
                "a-long-enough-pass",
                Set.of(Role.PAIN_PHYSICIAN)))
        .id();
  }

  private long visit(long patientId, long clinicianId, LocalDate day, VisitKind kind) {
    return book.bookSynthetic(
            new AppointmentBook.Booking(
                patientId, clinicianId, kind, LocalDateTime.of(day, LocalTime.of(10, 0)), null),
            clinicianId)
        .id();
  }

  private void sign(long visitId, long clinicianId) {
    notes.sign(
        visitId,
        clinicianId,
        new NoteDraft("", "", "", "Stable lumbar pain.", "", "", null, List.of()));
  }

  @Test
  void changesAreCountedFromTheLastVisitThatTookPlace() {
    var seeded = SummaryFixtures.patientWithHistory(app, 1, 30, false);
    long patientId = seeded.patient().id();
    long dr = clinician();
    LocalDate today = practice.today(clock);
    long older = visit(patientId, dr, today.minusDays(120), VisitKind.NEW);
    sign(older, dr);
    long last = visit(patientId, dr, today.minusDays(45), VisitKind.FOLLOW_UP);
    sign(last, dr);
    long cancelled = visit(patientId, dr, today.minusDays(20), VisitKind.FOLLOW_UP);
    book.cancel(cancelled);
    visit(patientId, dr, today.minusDays(10), VisitKind.FOLLOW_UP);
    long todays = visit(patientId, dr, today, VisitKind.FOLLOW_UP);
    sign(todays, dr);

    PreVisitSummary.Changes changes =
        summaries.summarise(patientId, null, AuditActions.READ).changes();

    assertThat(changes.since())
        .as("not the cancelled, the unseen or today's visit")
        .isEqualTo(today.minusDays(45));
    assertThat(changes.sinceReason()).isEqualTo("the last visit (V-" + last + ", follow-up)");
    assertThat(changes.scores())
        .isNotEmpty()
        .allSatisfy(x -> assertThat(x.date()).isAfter(today.minusDays(45)));
    String page =
        Staff.signedIn(accounts, port, Role.PAIN_PHYSICIAN)
            .get("/patients/" + patientId + "/summary")
            .body();
    assertThat(page)
        .contains("What changed since <span>" + today.minusDays(45) + "</span>")
        .contains("the last visit (V-" + last + ", follow-up)");
  }

  @Test
  void withoutAnEarlierVisitTheQuestionnaireRoundBeforeTheLatestIsUsed() {
    var seeded = SummaryFixtures.patientWithHistory(app, 1, 30, false);
    long patientId = seeded.patient().id();
    long dr = clinician();
    LocalDate today = practice.today(clock);
    visit(patientId, dr, today.minusDays(5), VisitKind.FOLLOW_UP);

    PreVisitSummary.Changes changes =
        summaries.summarise(patientId, null, AuditActions.READ).changes();

    assertThat(changes.sinceReason())
        .startsWith("the questionnaire before the latest one (no earlier visit is recorded");
    assertThat(changes.since()).isBefore(today.minusDays(3)).isAfter(today.minusDays(70));
  }

  @Test
  void aDayTheClinicianChoosesOverridesTheLastVisit() {
    var seeded = SummaryFixtures.patientWithHistory(app, 1, 30, false);
    long patientId = seeded.patient().id();
    long dr = clinician();
    LocalDate today = practice.today(clock);
    sign(visit(patientId, dr, today.minusDays(45), VisitKind.FOLLOW_UP), dr);

    PreVisitSummary.Changes changes =
        summaries.summarise(patientId, today.minusDays(200), AuditActions.READ).changes();

    assertThat(changes.since()).isEqualTo(today.minusDays(200));
    assertThat(changes.sinceReason()).isEqualTo("the day you chose");
  }
}
