package org.relief.assessments.questionnaires;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.relief.assessments.Flag;
import org.relief.assessments.Instrument;
import org.relief.assessments.Instruments;
import org.relief.audit.AuditActions;
import org.relief.audit.AuditEntry.Outcome;
import org.relief.audit.AuditTrail;
import org.relief.platform.ChartSection;
import org.relief.platform.PracticeSettings;
import org.springframework.stereotype.Component;

/**
 * The questionnaire scores on the patient chart: each instrument's results over time with a small
 * server-drawn trend line, the safety flags of the latest results, and the questionnaires still
 * out. Shown for every patient, since it is also where a questionnaire is sent from.
 */
@Component
class QuestionnaireChartSection implements ChartSection {

  /** The PHQ-9 item-9 flag (clinical-rules.md §3.6), shown above everything else. */
  static final String SUICIDE_RISK = "suicide-risk-assessment-needed";

  static final int WIDTH = 120;
  static final int HEIGHT = 32;

  private final QuestionnaireRepository repository;
  private final Instruments instruments;
  private final AuditTrail audit;
  private final Clock clock;
  private final PracticeSettings practice;

  QuestionnaireChartSection(
      QuestionnaireRepository repository,
      Instruments instruments,
      AuditTrail audit,
      Clock clock,
      PracticeSettings practice) {
    this.repository = repository;
    this.instruments = instruments;
    this.audit = audit;
    this.clock = clock;
    this.practice = practice;
  }

  /** One result as the chart lists it. */
  record Point(LocalDate date, String score, String band, List<Flag> flags) {}

  /** One instrument's results, oldest first, and its trend line. */
  record Trajectory(
      String code,
      String name,
      String range,
      List<Point> points,
      Point latest,
      String line,
      String lastX,
      String lastY) {

    public List<Point> newestFirst() {
      List<Point> reversed = new ArrayList<>(points);
      java.util.Collections.reverse(reversed);
      return reversed;
    }
  }

  /** A questionnaire sent and not (yet) submitted, or submitted recently. */
  record Sent(long id, LocalDate sentOn, LocalDate expiresOn, String status, String instruments) {}

  @Override
  public int order() {
    return 500;
  }

  @Override
  public Optional<Rendered> render(long patientId) {
    List<StoredResponse> responses = repository.responsesOf(patientId);
    List<Questionnaire> questionnaires = repository.ofPatient(patientId, 10);
    audit.recordAccess(
        AuditActions.READ,
        QuestionnaireLinks.RESPONSE,
        Long.toString(patientId),
        Outcome.SUCCESS,
        "by patient, results " + responses.size());
    audit.recordAccess(
        AuditActions.READ,
        QuestionnaireLinks.QUESTIONNAIRE,
        Long.toString(patientId),
        Outcome.SUCCESS,
        "by patient, results " + questionnaires.size());

    Map<String, List<StoredResponse>> byInstrument = new LinkedHashMap<>();
    for (Instrument instrument : instruments.definitions()) {
      List<StoredResponse> of =
          responses.stream().filter(r -> r.instrument().equals(instrument.code())).toList();
      if (!of.isEmpty()) {
        byInstrument.put(instrument.code(), of);
      }
    }
    List<Trajectory> trajectories = new ArrayList<>();
    List<String> alerts = new ArrayList<>();
    byInstrument.forEach(
        (code, list) -> {
          Trajectory t = trajectory(instruments.definition(code), list);
          trajectories.add(t);
          t.latest().flags().stream()
              .filter(f -> f.code().equals(SUICIDE_RISK))
              .forEach(f -> alerts.add(t.latest().date() + ": " + f.message()));
        });

    Instant now = clock.instant();
    List<Sent> sent =
        questionnaires.stream()
            .filter(q -> q.status(now) != Questionnaire.Status.SUBMITTED)
            .map(
                q ->
                    new Sent(
                        q.id(),
                        date(q.createdAt()),
                        date(q.expiresAt()),
                        q.status(now).label(),
                        String.join(
                            ", ",
                            q.instruments().stream()
                                .map(c -> instruments.definition(c).shortName())
                                .toList())))
            .toList();
    return Optional.of(
        new Rendered(
            "assessments/chart",
            "section",
            Map.of("trajectories", trajectories, "alerts", alerts, "sent", sent)));
  }

  private Trajectory trajectory(Instrument instrument, List<StoredResponse> list) {
    List<Point> points =
        list.stream()
            .map(r -> new Point(date(r.scoredAt()), format(r.score()), r.band(), r.flags()))
            .toList();
    List<StoredResponse> scored = list.stream().filter(r -> r.score() != null).toList();
    StringBuilder line = new StringBuilder();
    String lastX = null;
    String lastY = null;
    if (!scored.isEmpty()) {
      long first = scored.get(0).scoredAt().getEpochSecond();
      long last = scored.get(scored.size() - 1).scoredAt().getEpochSecond();
      double span = Math.max(1, last - first);
      double range = Math.max(1e-9, instrument.maxScore() - instrument.minScore());
      for (StoredResponse r : scored) {
        double x =
            scored.size() == 1
                ? WIDTH / 2.0
                : 2 + (WIDTH - 4) * (r.scoredAt().getEpochSecond() - first) / span;
        double y = HEIGHT - 2 - (HEIGHT - 4) * (r.score() - instrument.minScore()) / range;
        lastX = coordinate(x);
        lastY = coordinate(y);
        line.append(lastX).append(',').append(lastY).append(' ');
      }
    }
    return new Trajectory(
        instrument.code(),
        instrument.shortName(),
        format(instrument.minScore()) + "–" + format(instrument.maxScore()),
        points,
        points.get(points.size() - 1),
        line.toString().strip(),
        lastX,
        lastY);
  }

  private LocalDate date(Instant instant) {
    return instant.atZone(practice.timeZone()).toLocalDate();
  }

  static String format(Double value) {
    if (value == null) {
      return "—";
    }
    return value == Math.rint(value)
        ? Long.toString(value.longValue())
        : String.format(Locale.ROOT, "%.1f", value);
  }

  private static String coordinate(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }
}
