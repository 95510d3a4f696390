package org.relief.careers.jobs;

/** A posting went on the public board (a recruiter published it, or the demo seeded it). */
public record JobPostingPublished(long jobId) {}
