package org.relief.conferences.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.relief.audit.AuditActions;
import org.relief.audit.AuditEntry.Outcome;
import org.relief.audit.AuditTrail;
import org.relief.conferences.CaseConference;
import org.relief.conferences.CaseConferences;
import org.relief.conferences.ConferenceCase;
import org.relief.platform.ChartSection;
import org.relief.platform.PracticeSettings;
import org.springframework.stereotype.Component;

/**
 * The patient's case conferences on the chart: when, the question and what was recommended, with
 * the link that nominates the patient for the next one.
 */
@Component
class ConferenceChartSection implements ChartSection {

  private final CaseConferences conferences;
  private final AuditTrail audit;
  private final PracticeSettings practice;

  ConferenceChartSection(CaseConferences conferences, AuditTrail audit, PracticeSettings practice) {
    this.conferences = conferences;
    this.audit = audit;
    this.practice = practice;
  }

  /** One case as the chart lists it. */
  record Line(long caseId, LocalDate day, String title, String question, String recommendation) {}

  @Override
  public int order() {
    return 950;
  }

  @Override
  public Optional<Rendered> render(long patientId) {
    List<ConferenceCase> cases = conferences.casesOfPatient(patientId);
    audit.recordAccess(
        AuditActions.READ,
        "ConferenceCase",
        Long.toString(patientId),
        Outcome.SUCCESS,
        "by patient, results " + cases.size());
    List<Line> lines =
        cases.stream()
            .map(
                c -> {
                  CaseConference conference = conferences.conference(c.conferenceId());
                  return new Line(
                      c.id(),
                      conference.startsAt().atZone(practice.timeZone()).toLocalDate(),
                      conference.title(),
                      c.question(),
                      c.decided() ? c.recommendation().label() : "Not discussed yet");
                })
            .sorted((a, b) -> b.day().compareTo(a.day()))
            .toList();
    return Optional.of(new Rendered("conferences/chart", "chart-section", Map.of("cases", lines)));
  }
}
