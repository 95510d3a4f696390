package org.relief.conferences;

import java.time.Instant;
import java.util.List;

/**
 * A patient nominated for a conference with the question to answer and, once discussed, the
 * recommendation, the dissent and the resulting actions.
 *
 * @param visitId the consultation the nomination came from, if any (by ID)
 * @param imagingReport the imaging report text as entered on the nomination (Relief keeps no
 *     imaging record)
 * @param ptWeeks weeks of physical therapy completed, if known
 * @param recommendedDetail the operation named, the catalogue code of the procedure, or the
 *     work-up; {@code null} when not given
 */
public record ConferenceCase(
    long id,
    long conferenceId,
    long patientId,
    Long visitId,
    String question,
    String imagingReport,
    Integer ptWeeks,
    String medicationsTried,
    long nominatedBy,
    Instant nominatedAt,
    String discussion,
    RecommendationKind recommendation,
    String recommendedDetail,
    String rationale,
    Long recordedBy,
    Instant recordedAt,
    List<Dissent> dissent,
    List<Action> actions) {

  public ConferenceCase {
    dissent = List.copyOf(dissent);
    actions = List.copyOf(actions);
  }

  public boolean decided() {
    return recommendation != null;
  }

  /** An attendee who disagreed with the recommendation, and why. */
  public record Dissent(long userId, String note, Instant recordedAt) {}

  /** What the recommendation leads to, who owns it and where it stands. */
  public record Action(
      long id,
      long caseId,
      ActionKind kind,
      String description,
      long ownerId,
      ActionStatus status,
      Instant updatedAt) {}
}
