package org.relief.procedures;

import java.util.List;
import java.util.Optional;

/**
 * Procedures booked into the rooms' session days, and whether each may start. Reads and changes are
 * audited as accesses to the patient's {@code Appointment}; the acting user is passed in so that
 * the rule "only a pain physician starts or overrides" is the service's, not only the page's.
 */
public interface ProcedureScheduling {

  /**
   * Books a procedure. A room or a patient already booked at that time, a time outside the session,
   * or a physician not on the session is refused with a 422 in words.
   */
  BookedProcedure book(ProcedureBooking booking, long bookedByUserId);

  /** The booking (audited). */
  Optional<BookedProcedure> find(long bookingId);

  /**
   * The bookings matching the search, soonest first (then by ID), from {@code offset}, at most
   * {@code limit} of them. Not audited here: the caller audits the access in its own terms (the
   * FHIR provider records it as an {@code Appointment} read or search).
   */
  BookingSearch.Page search(BookingSearch search, int offset, int limit);

  /** The patient's booked and in-progress procedures from now on, soonest first (audited). */
  List<BookedProcedure> upcomingFor(long patientId);

  /** Whether the booking may start (audited as a read of the booking). */
  Readiness readiness(long bookingId);

  /**
   * Starts the procedure. Refused with 422 naming the open checklist items unless every item is
   * done, not applicable or overridden, and refused unless the user is a pain physician.
   */
  BookedProcedure start(long bookingId, long physicianUserId);

  /** Cancels a booked (not yet started) procedure and frees its time. */
  BookedProcedure cancel(long bookingId, String reason, long byUserId);

  /**
   * Marks an in-progress booking completed with the performed-procedure record it became. Called by
   * this module when {@link ProcedurePerformed} is published for a record carrying the booking;
   * repeating it for the same record changes nothing.
   */
  void markCompleted(long bookingId, long procedureId);
}
