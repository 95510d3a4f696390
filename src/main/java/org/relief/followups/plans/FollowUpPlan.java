package org.relief.followups.plans;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One version of a follow-up plan: the time points a procedure of this plan is followed up at, for
 * procedures performed on or after {@code effectiveFrom} (until a later version takes over).
 */
public record FollowUpPlan(
    long id,
    String name,
    LocalDate effectiveFrom,
    Instant createdAt,
    String createdBy,
    List<PlanPoint> points) {

  public FollowUpPlan {
    points = List.copyOf(points);
  }

  /** The plan as the editor shows it, one time point a line. */
  public String text() {
    return points.stream().map(PlanPoint::line).collect(Collectors.joining("\n"));
  }
}
