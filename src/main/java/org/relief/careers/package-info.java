/**
 * Careers: a job market for interventional pain specialists. So far employer organisations, their
 * recruiters (who see and change only their own organisation's postings) and job postings with the
 * fields of {@code careers.md} ("Job"), published for anyone to browse with schema.org {@code
 * JobPosting} data; a posting leaves the board by itself once its valid-through date has passed.
 *
 * <p>Specialists keep a profile and credential wallet with an expiry radar ({@code specialists}), a
 * case-log portfolio of counts with verified counts attested by the practice administrator from
 * {@code procedures.PerformedProcedures} and time-limited share links ({@code portfolio}), see how
 * they match each open job with every part explained ({@code matching}), and apply; recruiters run
 * their own organisation's pipeline ({@code applications}). Private preferences never reach an
 * employer: employers get {@code specialists.CandidateProfile}, which has no field for them.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Careers")
package org.relief.careers;
