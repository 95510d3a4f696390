package org.relief.careers.matching;

import java.util.List;
import org.relief.careers.jobs.JobPosting;

/**
 * How a specialist matches a job, with every part shown: the requirement checks (met or a gap), the
 * path to practising in each of the job's states, whether the boards are accepted, and the
 * compensation estimate. {@code fitsPreferences} and {@code preferenceNotes} are for the specialist
 * only and never shown to an employer.
 */
public record JobMatch(
    JobPosting job,
    List<RequirementCheck> checks,
    List<StatePath> states,
    CompensationEstimate compensation,
    boolean fitsPreferences,
    List<String> preferenceNotes) {

  public long met() {
    return checks.stream().filter(RequirementCheck::met).count();
  }

  public int total() {
    return checks.size();
  }

  public List<String> gaps() {
    return checks.stream().filter(c -> !c.met()).map(RequirementCheck::name).toList();
  }

  /** "meets 7 of 9 requirements — gaps: DRG stimulation, Kyphoplasty / vertebroplasty". */
  public String summary() {
    String head = "meets " + met() + " of " + total() + " requirements";
    return gaps().isEmpty() ? head : head + " — gaps: " + String.join(", ", gaps());
  }
}
