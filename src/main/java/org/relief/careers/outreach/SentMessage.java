package org.relief.careers.outreach;

import java.time.Instant;

/** A message as its organisation's recruiters see it: to whom, about what, and the answer. */
public record SentMessage(
    long id,
    long jobId,
    String jobTitle,
    long specialistUserId,
    String specialistName,
    String recruiterName,
    String body,
    Instant sentAt,
    Answer answer,
    String answerNote) {}
