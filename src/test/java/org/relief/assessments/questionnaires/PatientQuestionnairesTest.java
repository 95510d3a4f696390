package org.relief.assessments.questionnaires;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relief.assessments.PatientQuestionnaires;
import org.relief.assessments.QuestionnaireSubmitted;
import org.relief.assessments.RecordedScore;
import org.relief.patients.Patient;
import org.relief.patients.PatientDetails;
import org.relief.patients.PatientNotFound;
import org.relief.patients.PatientRegistry;
import org.relief.patients.Sex;
import org.relief.support.Http;
import org.relief.support.MutableClock;
import org.relief.support.ReliefIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

@ReliefIntegrationTest
@RecordApplicationEvents
class PatientQuestionnairesTest {

  private static final AtomicInteger MRN = new AtomicInteger();

  @LocalServerPort int port;
  @Autowired PatientQuestionnaires questionnaires;
  @Autowired QuestionnaireLinks links;
  @Autowired PatientRegistry registry;
  @Autowired MutableClock clock;
  @Autowired ApplicationEvents events;

  @BeforeEach
  void freshRateWindow() {
    clock.advance(Duration.ofMinutes(2));
  }

  private Patient patient() {
    return registry.register(
        new PatientDetails(
            "PQ-" + MRN.incrementAndGet() + "-" + System.nanoTime() % 100000,
            "Querida",
            "Quinn",
            LocalDate.of(1969, 8, 1),
            Sex.FEMALE,
            null,
            null,
            null));
  }

  @Test
  void anotherModuleSendsALinkThePatientAnswersAndReadsTheScoresOfTheSubmission() {
    Patient p = patient();
    PatientQuestionnaires.Sent sent = questionnaires.send(p.id(), List.of("nrs", "pgic"));
    assertThat(sent.path()).matches("/q/[A-Za-z0-9_-]{43}");
    assertThat(questionnaires.sentTo(p.id()))
        .singleElement()
        .extracting(PatientQuestionnaires.SentQuestionnaire::status)
        .isEqualTo(PatientQuestionnaires.Status.SENT);

    Http phone = Http.browser(port);
    int questions = questionnaires.sentTo(p.id()).get(0).instruments().size();
    assertThat(questions).isEqualTo(2);
    String link = sent.path();
    assertThat(phone.get(link).body()).contains("<strong>2</strong> short questions");
    phone.submit(link + "/1", link + "/1", Map.of("answer", "3"));
    phone.submit(link + "/2", link + "/2", Map.of("answer", "6"));
    // Submitted in the test's thread so that the recorded events include the announcement.
    links.submit(link.substring("/q/".length()));

    QuestionnaireSubmitted submitted =
        events.stream(QuestionnaireSubmitted.class).findFirst().orElseThrow();
    assertThat(submitted.patientId()).isEqualTo(p.id());
    assertThat(submitted.questionnaireId()).isEqualTo(sent.questionnaireId());
    List<RecordedScore> scores = questionnaires.scores(submitted.responseIds());
    assertThat(scores)
        .extracting(RecordedScore::instrument)
        .containsExactlyInAnyOrder("nrs", "pgic");
    assertThat(questionnaires.scores(p.id())).hasSize(2);
    assertThat(questionnaires.sentTo(p.id()).get(0).status())
        .isEqualTo(PatientQuestionnaires.Status.SUBMITTED);
  }

  @Test
  void syntheticAnswersAreScoredAndStoredWithoutALink() {
    Patient p = patient();
    java.time.Instant at = java.time.Instant.parse("2026-03-04T18:00:00Z");
    List<Long> ids =
        questionnaires.recordSynthetic(
            p.id(), at, Map.of("nrs", Map.of("1", 4), "pgic", Map.of("1", 2)));

    List<RecordedScore> scores = questionnaires.scores(ids);
    assertThat(scores).hasSize(2).allMatch(s -> s.questionnaireId() == null);
    assertThat(scores).allMatch(s -> s.scoredAt().equals(at));
    assertThat(scores)
        .filteredOn(s -> s.instrument().equals("nrs"))
        .singleElement()
        .satisfies(s -> assertThat(s.score()).isEqualTo(4.0));
    assertThatThrownBy(
            () -> questionnaires.recordSynthetic(p.id(), at, Map.of("nrs", Map.of("1", 11))))
        .isInstanceOf(org.relief.platform.RuleViolation.class);
  }

  @Test
  void refusesAnUnknownPatient() {
    assertThatThrownBy(() -> questionnaires.scores(-1L)).isInstanceOf(PatientNotFound.class);
    assertThatThrownBy(() -> questionnaires.send(-1L, List.of("nrs")))
        .isInstanceOf(PatientNotFound.class);
    assertThat(questionnaires.scores(List.of())).isEmpty();
  }
}
