package org.relief.assessments.questionnaires;

import java.time.Instant;
import java.util.List;

/** A set of instruments sent to one patient through a link, and how far the patient got. */
record Questionnaire(
    long id,
    long patientId,
    List<String> instruments,
    Instant createdAt,
    Instant expiresAt,
    Instant submittedAt,
    int answered) {

  Questionnaire {
    instruments = List.copyOf(instruments);
  }

  /** Where a questionnaire stands, as the chart lists it. */
  enum Status {
    SENT("Sent, not started"),
    PARTLY_ANSWERED("Partly answered"),
    EXPIRED("Expired"),
    SUBMITTED("Submitted");

    private final String label;

    Status(String label) {
      this.label = label;
    }

    String label() {
      return label;
    }
  }

  Status status(Instant now) {
    if (submittedAt != null) {
      return Status.SUBMITTED;
    }
    if (!now.isBefore(expiresAt)) {
      return Status.EXPIRED;
    }
    return answered == 0 ? Status.SENT : Status.PARTLY_ANSWERED;
  }

  boolean open(Instant now) {
    return submittedAt == null && now.isBefore(expiresAt);
  }
}
