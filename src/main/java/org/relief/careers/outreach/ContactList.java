package org.relief.careers.outreach;

import java.util.List;
import org.relief.careers.jobs.JobPosting;

/**
 * One page of the specialists a recruiter may contact about a posting.
 *
 * @param listed how many are on the list (never more than the hard cap)
 * @param capped whether more qualified than the cap lets the list show
 */
public record ContactList(
    JobPosting job, List<Candidate> candidates, int page, int pages, int listed, boolean capped) {}
