package org.relief.conferences.packet;

import java.time.LocalDate;
import java.util.List;
import org.relief.conferences.CaseConference;
import org.relief.conferences.ConferenceCase;
import org.relief.patients.Patient;
import org.relief.patients.PatientBackground;
import org.relief.patients.PatientConditions;

/**
 * Everything a conference needs to discuss one case, assembled from the modules that own it.
 *
 * @param age the patient's age on the conference day
 * @param totalMme the current total daily MME in words, or {@code null} without opioids
 */
public record CasePacket(
    CaseConference conference,
    ConferenceCase theCase,
    Patient patient,
    int age,
    String nominatedBy,
    PatientBackground background,
    List<PatientConditions.Condition> diagnoses,
    List<MedicationLine> medications,
    String totalMme,
    List<ProcedureOutcome> procedures,
    List<Trajectory> trajectories) {

  /** A current medication as the packet lists it. */
  public record MedicationLine(
      String drug, String dose, String schedule, LocalDate since, String mme) {}

  /**
   * A prior procedure with what was measured around it: the NRS recorded just before and before
   * discharge, and each main score before the procedure and at the first result after it.
   */
  public record ProcedureOutcome(
      String name,
      LocalDate performedOn,
      String levels,
      String side,
      Integer preProcedureNrs,
      Integer postProcedureNrs,
      List<ScoreChange> scoresAfter) {}

  /** One instrument's score before a date and after it. */
  public record ScoreChange(
      String instrument, String before, LocalDate beforeOn, String after, LocalDate afterOn) {

    /** "7 → 4" or "— → 4". */
    public String display() {
      return before + " → " + after;
    }
  }

  /** One instrument's results over time with a small server-drawn line. */
  public record Trajectory(
      String name, String range, List<Point> points, String line, String first, String latest) {}

  /** One result. */
  public record Point(LocalDate date, String score, String band) {}
}
