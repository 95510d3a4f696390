package org.relief.consultations.notes;

import java.time.Instant;

/**
 * The clinician's note of one visit. Once signed it never changes (the database refuses it too);
 * later changes are {@link Addendum}s.
 */
public record VisitNote(
    long visitId,
    String presentIllness,
    String examFindings,
    String imagingReviewed,
    String assessment,
    String freeText,
    String functionalGoals,
    Integer expectedReliefPercent,
    Instant updatedAt,
    Instant signedAt,
    Long signedBy) {

  static VisitNote blank(long visitId) {
    return new VisitNote(visitId, "", "", "", "", "", "", null, null, null, null);
  }

  public boolean signed() {
    return signedAt != null;
  }

  /** Whether the patient's goals are recorded (functional goals and the relief they expect). */
  public boolean goalsRecorded() {
    return !functionalGoals.isBlank() && expectedReliefPercent != null;
  }
}
