package org.relief.careers.applications;

import java.time.Instant;

/** A specialist's application to a posting, as both sides see its header. */
public record Application(
    long id,
    long jobId,
    String jobTitle,
    long employerId,
    String employerName,
    long specialistUserId,
    Stage stage,
    String coverNote,
    Instant appliedAt,
    Instant stageChangedAt) {}
