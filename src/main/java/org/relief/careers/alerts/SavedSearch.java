package org.relief.careers.alerts;

import java.time.Instant;
import org.relief.careers.jobs.JobSearch;
import org.relief.careers.jobs.JobSearchForm;

/**
 * A specialist's named board search. {@code form} is the search as it was typed (the place as
 * written), so its board link runs it again; {@code search} is what it means, with the place's
 * coordinates fixed when it was saved.
 *
 * @param sendsMessages whether each new match also goes out as a message with a link
 * @param newMatches open postings that matched since the specialist last marked matches as seen
 */
public record SavedSearch(
    long id,
    long specialistId,
    String name,
    JobSearchForm form,
    JobSearch search,
    boolean sendsMessages,
    Instant createdAt,
    int newMatches) {

  public String summary() {
    return JobSearchForm.describe(search, form.near());
  }
}
