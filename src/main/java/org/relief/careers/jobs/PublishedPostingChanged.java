package org.relief.careers.jobs;

/** A recruiter changed a posting that is on the public board; it may now match other searches. */
public record PublishedPostingChanged(long jobId) {}
