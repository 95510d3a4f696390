package org.relief.conferences;

import java.time.Instant;
import java.util.List;

/**
 * A scheduled case conference and who attends it.
 *
 * @param attendees in the order they were added; {@code present} stays {@code null} until the
 *     attendance is recorded
 */
public record CaseConference(
    long id,
    String title,
    Instant startsAt,
    long createdBy,
    boolean synthetic,
    List<Attendee> attendees) {

  public CaseConference {
    attendees = List.copyOf(attendees);
  }

  /** One invited clinician. */
  public record Attendee(long userId, Boolean present) {}

  public boolean attendedBy(long userId) {
    return attendees.stream().anyMatch(a -> a.userId() == userId);
  }

  /** Whether the attendance was recorded and this person was marked absent. */
  public boolean markedAbsent(long userId) {
    return attendees.stream()
        .anyMatch(a -> a.userId() == userId && Boolean.FALSE.equals(a.present()));
  }
}
