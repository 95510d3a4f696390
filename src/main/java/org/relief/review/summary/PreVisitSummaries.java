package org.relief.review.summary;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.relief.assessments.Instrument;
import org.relief.assessments.Instruments;
import org.relief.assessments.PatientQuestionnaires;
import org.relief.assessments.RecordedScore;
import org.relief.audit.AuditEntry.Outcome;
import org.relief.audit.AuditTrail;
import org.relief.consultations.ClinicList;
import org.relief.consultations.ReliefExpectations;
import org.relief.consultations.Visit;
import org.relief.patients.MedicationCourse;
import org.relief.patients.MedicationHistory;
import org.relief.patients.MmeCalculation;
import org.relief.patients.PainPicture;
import org.relief.patients.PainPictures;
import org.relief.patients.Patient;
import org.relief.patients.PatientMedications;
import org.relief.patients.PatientRegistry;
import org.relief.platform.PracticeSettings;
import org.relief.platform.RedFlag;
import org.relief.platform.RedFlagSource;
import org.relief.platform.RuleViolation;
import org.relief.procedures.Laterality;
import org.relief.procedures.PerformedProcedure;
import org.relief.procedures.PerformedProcedures;
import org.relief.procedures.ProcedureCatalogue;
import org.relief.review.summary.PreVisitSummary.Changes;
import org.relief.review.summary.PreVisitSummary.Medications;
import org.relief.review.summary.PreVisitSummary.MmeStep;
import org.relief.review.summary.PreVisitSummary.Point;
import org.relief.review.summary.PreVisitSummary.ProcedureMark;
import org.relief.review.summary.PreVisitSummary.ScoreChange;
import org.relief.review.summary.PreVisitSummary.Series;
import org.relief.review.summary.PreVisitSummary.TimelineRow;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * Assembles the pre-visit summary from what each module offers through its API: the patient and the
 * pain picture and medications from {@code patients}, the scores from {@code assessments}, the
 * procedures from {@code procedures}, and red flags from every {@link RedFlagSource}. Each of those
 * reads is audited by the module that owns the data; the summary records its own view on top.
 *
 * <p>"Since the last visit": the day of the patient's last visit that took place (seen, or with a
 * signed note) from {@code consultations}; without one, the questionnaire round before the latest
 * one (patients answer before each visit); or a day the clinician gives
 * (docs/decisions/0036-pre-visit-summary-since-and-timeline.md, 0062).
 */
@Service
class PreVisitSummaries {

  static final String AUDIT_TYPE = "PreVisitSummary";

  /**
   * The flag the PHQ-9 scorer raises when item 9 is answered 1 or more (clinical-rules.md §3.6).
   */
  static final String SUICIDE_RISK = "suicide-risk-assessment-needed";

  /** The instruments the timeline shows, in this order (issue 7: NRS, ODI/NDI and PHQ-9). */
  static final List<String> TIMELINE_INSTRUMENTS = List.of("nrs", "odi", "ndi", "phq9");

  private final PatientRegistry registry;
  private final PainPictures pain;
  private final PatientQuestionnaires scores;
  private final Instruments instruments;
  private final PatientMedications medications;
  private final PerformedProcedures procedures;
  private final ProcedureCatalogue catalogue;
  private final ObjectProvider<RedFlagSource> flagSources;
  private final ClinicList clinicList;
  private final ReliefExpectations expectations;
  private final SummarySettings settings;
  private final AuditTrail audit;
  private final Clock clock;
  private final PracticeSettings practice;

  PreVisitSummaries(
      PatientRegistry registry,
      PainPictures pain,
      PatientQuestionnaires scores,
      Instruments instruments,
      PatientMedications medications,
      PerformedProcedures procedures,
      ProcedureCatalogue catalogue,
      ObjectProvider<RedFlagSource> flagSources,
      ClinicList clinicList,
      ReliefExpectations expectations,
      SummarySettings settings,
      AuditTrail audit,
      Clock clock,
      PracticeSettings practice) {
    this.registry = registry;
    this.pain = pain;
    this.scores = scores;
    this.instruments = instruments;
    this.medications = medications;
    this.procedures = procedures;
    this.catalogue = catalogue;
    this.flagSources = flagSources;
    this.clinicList = clinicList;
    this.expectations = expectations;
    this.settings = settings;
    this.audit = audit;
    this.clock = clock;
    this.practice = practice;
  }

  /**
   * The patient's summary today, audited as {@code action} ({@code READ} for the page, {@code
   * PRINT} for the PDF).
   *
   * @param since the day changes are counted after; {@code null} for the default
   */
  PreVisitSummary summarise(long patientId, LocalDate since, String action) {
    Patient patient = registry.open(patientId);
    LocalDate today = practice.today(clock);
    if (since != null && since.isAfter(today)) {
      throw new RuleViolation(
          "since-in-future",
          "The last visit cannot be after today ("
              + today
              + "); give an earlier day or leave it empty.");
    }
    PainPicture painPicture = pain.of(patientId);
    List<RecordedScore> results = scores.scores(patientId);
    MedicationHistory medicationHistory = medications.history(patientId);
    List<ProcedureMark> marks = marks(procedures.forPatient(patientId));

    List<Series> series = series(results);
    Medications meds = medications(medicationHistory);
    List<RedFlag> flags = new ArrayList<>();
    List<String> checks = new ArrayList<>();
    redFlags(results, series, medicationHistory.mme(), flags, checks);
    for (RedFlagSource source : flagSources.orderedStream().toList()) {
      flags.addAll(source.redFlags(patientId));
      checks.add(source.checks());
    }
    Changes changes =
        changes(
            since,
            since == null ? clinicList.lastVisitBefore(patientId, today) : Optional.empty(),
            today,
            results,
            series,
            medicationHistory,
            marks);
    audit.recordAccess(action, AUDIT_TYPE, Long.toString(patientId), Outcome.SUCCESS);
    return new PreVisitSummary(
        patient,
        patient.ageOn(today),
        today,
        painPicture,
        series,
        marks,
        meds,
        flags,
        checks,
        changes,
        expectations.ofPatient(patientId),
        timeline(series, marks, meds.trend()));
  }

  private List<ProcedureMark> marks(List<PerformedProcedure> performed) {
    List<ProcedureMark> marks = new ArrayList<>();
    for (PerformedProcedure p : performed) {
      marks.add(
          new ProcedureMark(
              marks.size() + 1,
              p.id(),
              p.performedOn(),
              catalogue.find(p.procedureType()).map(t -> t.name()).orElse(p.procedureType()),
              String.join(", ", p.levels()),
              p.laterality() == null || p.laterality() == Laterality.NOT_APPLICABLE
                  ? ""
                  : p.laterality().code(),
              p.preProcedureNrs(),
              p.postProcedureNrs()));
    }
    return marks;
  }

  private List<Series> series(List<RecordedScore> results) {
    List<Series> series = new ArrayList<>();
    for (String code : TIMELINE_INSTRUMENTS) {
      List<Point> points =
          results.stream()
              .filter(r -> r.instrument().equals(code))
              .map(r -> new Point(date(r), r.score(), r.band()))
              .toList();
      if (!points.isEmpty()) {
        Instrument instrument = instruments.definition(code);
        series.add(
            new Series(
                code,
                instrument.shortName(),
                instrument.minScore(),
                instrument.maxScore(),
                points));
      }
    }
    return series;
  }

  private Medications medications(MedicationHistory history) {
    LocalDate today = history.asOf();
    List<MedicationCourse> current =
        history.courses().stream().filter(c -> c.takenOn(today)).toList();
    List<MedicationCourse> past =
        history.courses().stream().filter(c -> !c.takenOn(today)).toList();
    Optional<MmeCalculation> mme = history.mme();
    return new Medications(
        current,
        past,
        mme.map(MmeCalculation::totalMme).orElse(null),
        mme.map(MmeCalculation::thresholds).orElse(List.of()),
        trend(history.courses()),
        current.stream().filter(c -> c.drugClass().known()).toList());
  }

  /** The total daily MME from each day an opioid started or stopped (clinical-rules.md §2a). */
  static List<MmeStep> trend(List<MedicationCourse> courses) {
    List<MedicationCourse> opioids = courses.stream().filter(MedicationCourse::opioid).toList();
    TreeSet<LocalDate> days = new TreeSet<>();
    for (MedicationCourse c : opioids) {
      days.add(c.startDate());
      if (c.stopDate() != null) {
        days.add(c.stopDate());
      }
    }
    List<MmeStep> steps = new ArrayList<>();
    for (LocalDate day : days) {
      BigDecimal total =
          opioids.stream()
              .filter(c -> c.takenOn(day))
              .map(MedicationCourse::countedMme)
              .reduce(BigDecimal.ZERO, BigDecimal::add);
      if (steps.isEmpty() || steps.get(steps.size() - 1).mme().compareTo(total) != 0) {
        steps.add(new MmeStep(day, total));
      }
    }
    return steps;
  }

  private void redFlags(
      List<RecordedScore> results,
      List<Series> series,
      Optional<MmeCalculation> mme,
      List<RedFlag> flags,
      List<String> checks) {
    // clinical-rules.md §3.6: item 9 ≥ 1 → immediate suicide-risk assessment, whatever the total
    checks.add("PHQ-9 item 9 in the latest PHQ-9");
    results.stream()
        .filter(r -> r.instrument().equals("phq9"))
        .reduce((a, b) -> b)
        .filter(r -> r.flagged(SUICIDE_RISK))
        .ifPresent(
            r ->
                flags.add(
                    new RedFlag(
                        "phq9-item-9",
                        "PHQ-9 item 9 answered 1 or more",
                        r.flags().stream()
                            .filter(f -> f.code().equals(SUICIDE_RISK))
                            .findFirst()
                            .orElseThrow()
                            .message(),
                        date(r),
                        "clinical-rules.md §3.6 (U: standard PHQ instruction)")));

    // clinical-rules.md §2d: the 50 MME/day of CDC 2022 and the practice's legacy threshold
    checks.add("opioid dose against the MME/day thresholds");
    mme.ifPresent(
        calculation ->
            calculation.thresholds().stream()
                .filter(t -> t.reached())
                .forEach(
                    t ->
                        flags.add(
                            new RedFlag(
                                "mme-" + t.code(),
                                "Opioid dose at or above "
                                    + Scores.mme(t.mme())
                                    + (t.configurable() ? " (practice threshold)" : ""),
                                "Today's total is "
                                    + Scores.mme(calculation.totalMme())
                                    + (t.code().equals("reassess")
                                        ? ": CDC 2022 suggests reassessing benefits and risks"
                                            + " before any increase, following up more often and"
                                            + " offering naloxone."
                                        : ": a legacy threshold from the 2016 CDC guideline that"
                                            + " payers still use; CDC 2022 sets no ceiling."),
                                null,
                                t.provenance().source()
                                    + (t.provenance().confirmed()
                                        ? ""
                                        : " (" + t.provenance().note() + ")")))));

    checks.add(worseningCheck());
    for (Series s : series) {
      worsening(s).ifPresent(flags::add);
    }
  }

  private String worseningCheck() {
    StringBuilder out = new StringBuilder("worsening scores since the result before: ");
    for (String code : List.of("nrs", "odi", "ndi")) {
      out.append(instruments.definition(code).shortName())
          .append(" +")
          .append(Scores.format(settings.worsening(code)))
          .append(settings.confirmed(code) ? "" : " (unconfirmed — confirm locally)")
          .append(", ");
    }
    return out.append("PHQ-9 a more severe band").toString();
  }

  private Optional<RedFlag> worsening(Series s) {
    List<Point> scored = s.points().stream().filter(p -> p.score() != null).toList();
    if (scored.size() < 2) {
      return Optional.empty();
    }
    Point last = scored.get(scored.size() - 1);
    Point before = scored.get(scored.size() - 2);
    double rise = last.score() - before.score();
    if (s.code().equals("phq9")) {
      // clinical-rules.md §3.6 bands: 0–4, 5–9, 10–14, 15–19, 20–27
      if (phq9Band(last.score()) <= phq9Band(before.score())) {
        return Optional.empty();
      }
      return Optional.of(
          new RedFlag(
              "worse-phq9",
              "PHQ-9 in a more severe band",
              "PHQ-9 "
                  + last.text()
                  + " on "
                  + last.date()
                  + ", was "
                  + before.text()
                  + " on "
                  + before.date()
                  + ".",
              last.date(),
              "clinical-rules.md §3.6 (S2)"));
    }
    Double threshold = settings.worsening(s.code());
    if (threshold == null || rise < threshold) {
      return Optional.empty();
    }
    return Optional.of(
        new RedFlag(
            "worse-" + s.code(),
            s.label() + " worse by " + Scores.format(rise) + " points",
            s.label()
                + " "
                + last.text()
                + " on "
                + last.date()
                + ", was "
                + before.text()
                + " on "
                + before.date()
                + "; the practice counts +"
                + Scores.format(threshold)
                + " as a meaningful worsening.",
            last.date(),
            switch (s.code()) {
                  case "nrs" -> "clinical-rules.md §3.5";
                  case "odi" -> "clinical-rules.md §3.1";
                  default -> "clinical-rules.md §3.2";
                }
                + (settings.confirmed(s.code())
                    ? " (confirmed locally)"
                    : " (U: unconfirmed — confirm locally)")));
  }

  private static int phq9Band(double score) {
    return Math.min(4, (int) score / 5);
  }

  private Changes changes(
      LocalDate given,
      Optional<Visit> lastVisit,
      LocalDate today,
      List<RecordedScore> results,
      List<Series> series,
      MedicationHistory history,
      List<ProcedureMark> marks) {
    LocalDate since = given;
    String reason;
    if (since != null) {
      reason = "the day you chose";
    } else if (lastVisit.isPresent()) {
      Visit visit = lastVisit.get();
      since = visit.startsAt().atZone(practice.timeZone()).toLocalDate();
      reason =
          "the last visit (V-"
              + visit.id()
              + ", "
              + visit.kind().label().toLowerCase(Locale.ROOT)
              + ")";
    } else {
      TreeSet<LocalDate> rounds = new TreeSet<>();
      results.forEach(r -> rounds.add(date(r)));
      if (rounds.size() >= 2) {
        since = rounds.lower(rounds.last());
        reason =
            "the questionnaire before the latest one (no earlier visit is recorded in Relief;"
                + " choose another day if the last visit was on a different day)";
      } else if (rounds.size() == 1) {
        since = rounds.first().minusDays(1);
        reason = "the day before the only questionnaire (no earlier visit is recorded in Relief)";
      } else {
        since = today.minusMonths(3);
        reason = "three months ago: there is no questionnaire yet and no earlier visit in Relief";
      }
    }
    LocalDate after = since;
    List<ScoreChange> scoreChanges = new ArrayList<>();
    for (Series s : series) {
      List<Point> points = s.points();
      for (int i = 0; i < points.size(); i++) {
        Point p = points.get(i);
        if (p.date().isAfter(after)) {
          String change =
              i == 0
                  ? "first result"
                  : Scores.delta(p.score(), points.get(i - 1).score())
                      + " from "
                      + points.get(i - 1).date();
          scoreChanges.add(new ScoreChange(s.label(), p.date(), p.text(), change));
        }
      }
    }
    return new Changes(
        since,
        reason,
        scoreChanges,
        history.courses().stream().filter(c -> c.startDate().isAfter(after)).toList(),
        history.courses().stream()
            .filter(
                c ->
                    c.stopDate() != null
                        && c.stopDate().isAfter(after)
                        && !c.stopDate().isAfter(today))
            .toList(),
        marks.stream().filter(m -> m.date().isAfter(after)).toList());
  }

  private static List<TimelineRow> timeline(
      List<Series> series, List<ProcedureMark> marks, List<MmeStep> trend) {
    TreeMap<LocalDate, Map<String, String>> scoresByDay = new TreeMap<>();
    for (Series s : series) {
      for (Point p : s.points()) {
        scoresByDay.computeIfAbsent(p.date(), d -> new LinkedHashMap<>()).put(s.code(), p.text());
      }
    }
    TreeMap<LocalDate, List<ProcedureMark>> marksByDay = new TreeMap<>();
    for (ProcedureMark m : marks) {
      marksByDay.computeIfAbsent(m.date(), d -> new ArrayList<>()).add(m);
      scoresByDay.computeIfAbsent(m.date(), d -> new LinkedHashMap<>());
    }
    List<TimelineRow> rows = new ArrayList<>(scoresByDay.size());
    for (var day : scoresByDay.entrySet()) {
      rows.add(
          new TimelineRow(
              day.getKey(),
              day.getValue(),
              mmeOn(trend, day.getKey()),
              marksByDay.getOrDefault(day.getKey(), List.of())));
    }
    return rows;
  }

  /** The total MME taken on a day, as text; empty before the first opioid. */
  static String mmeOn(List<MmeStep> trend, LocalDate day) {
    MmeStep current = null;
    for (MmeStep step : trend) {
      if (step.from().isAfter(day)) {
        break;
      }
      current = step;
    }
    return current == null ? "" : current.mme().stripTrailingZeros().toPlainString();
  }

  private LocalDate date(RecordedScore r) {
    return r.scoredAt().atZone(practice.timeZone()).toLocalDate();
  }
}
