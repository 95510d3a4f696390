package org.relief.consultations.notes;

import java.util.List;

/** The note as the clinician typed it, before it is saved. */
public record NoteDraft(
    String presentIllness,
    String examFindings,
    String imagingReviewed,
    String assessment,
    String freeText,
    String functionalGoals,
    Integer expectedReliefPercent,
    List<Long> diagnosisIds) {

  public NoteDraft {
    presentIllness = clean(presentIllness);
    examFindings = clean(examFindings);
    imagingReviewed = clean(imagingReviewed);
    assessment = clean(assessment);
    freeText = clean(freeText);
    functionalGoals = clean(functionalGoals);
    diagnosisIds = diagnosisIds == null ? List.of() : List.copyOf(diagnosisIds);
  }

  static NoteDraft of(VisitNote note, List<Long> diagnosisIds) {
    return new NoteDraft(
        note.presentIllness(),
        note.examFindings(),
        note.imagingReviewed(),
        note.assessment(),
        note.freeText(),
        note.functionalGoals(),
        note.expectedReliefPercent(),
        diagnosisIds);
  }

  private static String clean(String s) {
    return s == null ? "" : s.strip().replace("\r\n", "\n");
  }
}
