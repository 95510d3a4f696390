package org.relief.careers.jobs;

/**
 * A posting found by a board search.
 *
 * @param miles great-circle miles from the search's place to the posting's nearest located site;
 *     null when the search has no place
 */
public record JobResult(JobPosting posting, Double miles) {

  /** The distance rounded to whole miles, for the page. */
  public Long roundedMiles() {
    return miles == null ? null : Math.round(miles);
  }
}
