package org.relief.review.summary;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.relief.consultations.ReliefComparison;
import org.relief.patients.MedicationCourse;
import org.relief.patients.MmeThreshold;
import org.relief.patients.PainPicture;
import org.relief.patients.Patient;
import org.relief.platform.RedFlag;

/**
 * Everything the pre-visit summary shows of one patient on one day, for the page and the PDF alike.
 *
 * @param series the score series that have results, in the order NRS, ODI, NDI, PHQ-9
 * @param procedures every performed procedure, oldest first, numbered from 1 as the chart marks
 *     them
 * @param checks what the red flags were checked for, so that an empty list means something
 * @param expectations each procedure performed under a goal with an expected relief, newest first:
 *     the expectation against the NRS reduction at each answered follow-up
 * @param timeline one row per day with a score or a procedure, oldest first: the chart as a table
 */
record PreVisitSummary(
    Patient patient,
    int age,
    LocalDate today,
    PainPicture pain,
    List<Series> series,
    List<ProcedureMark> procedures,
    Medications medications,
    List<RedFlag> redFlags,
    List<String> checks,
    Changes changes,
    List<ReliefComparison> expectations,
    List<TimelineRow> timeline) {

  /** One instrument's results over time. */
  record Series(String code, String label, double min, double max, List<Point> points) {

    public Point latest() {
      return points.get(points.size() - 1);
    }

    /** The latest result and the change from the one before, e.g. "6 (+2 since 2026-05-03)". */
    public String latestText() {
      Point last = latest();
      if (points.size() < 2) {
        return last.text();
      }
      Point before = points.get(points.size() - 2);
      return last.text()
          + " ("
          + Scores.delta(last.score(), before.score())
          + " since "
          + before.date()
          + ")";
    }
  }

  /** One result; {@code score} is {@code null} when the answers allowed none. */
  record Point(LocalDate date, Double score, String band) {

    public String text() {
      return Scores.format(score) + (band == null ? "" : " " + band);
    }
  }

  /**
   * A performed procedure as the timeline marks it.
   *
   * @param levels "L4-L5, L5-S1", or empty when not level-based
   * @param side "left", "bilateral", ... or empty when not applicable
   */
  record ProcedureMark(
      int number,
      long id,
      LocalDate date,
      String name,
      String levels,
      String side,
      Integer nrsBefore,
      Integer nrsAfter) {

    /** "Lumbar transforaminal ESI · L4-L5 · left". */
    public String label() {
      StringBuilder out = new StringBuilder(name);
      if (!levels.isEmpty()) {
        out.append(" · ").append(levels);
      }
      if (!side.isEmpty()) {
        out.append(" · ").append(side);
      }
      return out.toString();
    }

    /** "NRS 7 → 2", or empty when not recorded. */
    public String nrsText() {
      if (nrsBefore == null && nrsAfter == null) {
        return "";
      }
      return "NRS "
          + (nrsBefore == null ? "—" : nrsBefore)
          + " → "
          + (nrsAfter == null ? "—" : nrsAfter);
    }
  }

  /**
   * The medication list with the opioid dose over time.
   *
   * @param totalMme today's total daily MME, {@code null} when no opioid is taken
   * @param trend the total daily MME from each day it changed, oldest first
   * @param bleedingRisk current anticoagulants, antiplatelets, NSAIDs and supplements (ASRA 2018)
   */
  record Medications(
      List<MedicationCourse> current,
      List<MedicationCourse> past,
      BigDecimal totalMme,
      List<MmeThreshold> thresholds,
      List<MmeStep> trend,
      List<MedicationCourse> bleedingRisk) {

    public boolean opioidsEverTaken() {
      return !trend.isEmpty();
    }
  }

  /** The total daily MME from {@code from} until the next step. */
  record MmeStep(LocalDate from, BigDecimal mme) {}

  /**
   * What changed since a day.
   *
   * @param sinceReason where the day comes from, in words
   */
  record Changes(
      LocalDate since,
      String sinceReason,
      List<ScoreChange> scores,
      List<MedicationCourse> started,
      List<MedicationCourse> stopped,
      List<ProcedureMark> procedures) {

    public boolean none() {
      return scores.isEmpty() && started.isEmpty() && stopped.isEmpty() && procedures.isEmpty();
    }
  }

  /** A result recorded since the day, with the change from the result before it. */
  record ScoreChange(String label, LocalDate date, String result, String change) {}

  /**
   * One day of the timeline.
   *
   * @param scores the day's result by instrument code, as text
   * @param mme the total daily MME taken that day, as text; empty when none
   */
  record TimelineRow(
      LocalDate date, Map<String, String> scores, String mme, List<ProcedureMark> procedures) {}
}
