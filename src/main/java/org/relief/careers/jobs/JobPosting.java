package org.relief.careers.jobs;

import java.time.Instant;
import java.time.LocalDate;

/** A posting as stored, with the organisation it belongs to. */
public record JobPosting(
    long id,
    long employerId,
    String employerName,
    JobDetails details,
    JobStatus status,
    Instant publishedAt,
    Instant closedAt,
    boolean synthetic) {

  /** Whether anyone may see it on the public board on {@code today}. */
  public boolean openOn(LocalDate today) {
    return status == JobStatus.PUBLISHED && !details.validThrough().isBefore(today);
  }

  /** The day it was published (UTC), or null for a draft. */
  public LocalDate postedOn() {
    return publishedAt == null ? null : publishedAt.atZone(java.time.ZoneOffset.UTC).toLocalDate();
  }

  public boolean draft() {
    return status == JobStatus.DRAFT;
  }
}
