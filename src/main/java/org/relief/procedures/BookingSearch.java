package org.relief.procedures;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Which bookings to list for an exchange with other systems (the FHIR {@code Appointment}s of
 * consultations). Every criterion is optional ({@code null} = any).
 *
 * @param from bookings starting at or after this instant
 * @param to bookings starting before this instant
 * @param statuses any of these statuses; {@code null} or empty = any
 */
public record BookingSearch(
    Long bookingId,
    Long patientId,
    Long physicianId,
    Instant from,
    Instant to,
    Set<BookingStatus> statuses) {

  public BookingSearch {
    statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
  }

  /** One booking with what a reader outside this module needs to show it. */
  public record Listing(
      BookedProcedure booking, String procedureName, String roomName, Instant lastChanged) {}

  /** One page of bookings, soonest first, with the number of all matches. */
  public record Page(List<Listing> bookings, int total) {

    public Page {
      bookings = List.copyOf(bookings);
    }
  }
}
