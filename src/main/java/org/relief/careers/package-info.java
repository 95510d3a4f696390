/**
 * Careers: a job market for interventional pain specialists. So far employer organisations, their
 * recruiters (who see and change only their own organisation's postings) and job postings with the
 * fields of {@code careers.md} ("Job"), published for anyone to browse with schema.org {@code
 * JobPosting} data; a posting leaves the board by itself once its valid-through date has passed.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Careers")
package org.relief.careers;
