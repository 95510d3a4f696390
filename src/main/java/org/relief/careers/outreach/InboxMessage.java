package org.relief.careers.outreach;

import java.time.Instant;
import java.util.List;

/** A recruiter's message as the specialist reads it, with the match reason Relief attached. */
public record InboxMessage(
    long id,
    long jobId,
    String jobTitle,
    long employerId,
    String employerName,
    String recruiterName,
    String body,
    Instant sentAt,
    Answer answer,
    String answerNote,
    Instant answeredAt,
    boolean employerBlocked,
    List<ReasonLine> reason) {

  /** The parts of the match reason this message has, in order. */
  public List<ReasonSection> sections() {
    return reason.stream().map(ReasonLine::section).distinct().sorted().toList();
  }

  public List<ReasonLine> in(ReasonSection section) {
    return reason.stream().filter(l -> l.section() == section).toList();
  }
}
