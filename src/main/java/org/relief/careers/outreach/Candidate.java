package org.relief.careers.outreach;

import java.time.Instant;
import java.util.List;

/**
 * A specialist a recruiter may contact about one posting, as the recruiter sees them: who they are,
 * which of the posting's requirements they meet and their licence path per state. It has no field
 * for the specialist's private criteria or their case counts; that the posting meets the criteria
 * is what put them on the list.
 *
 * @param contactedAt when this recruiter's organisation wrote to them about the posting, or null
 */
public record Candidate(
    long userId,
    String name,
    String homeState,
    String fellowship,
    String summary,
    List<Check> checks,
    List<String> licencePaths,
    Instant contactedAt) {

  /** One requirement of the posting, met or not, without the specialist's numbers. */
  public record Check(String name, boolean met) {}
}
