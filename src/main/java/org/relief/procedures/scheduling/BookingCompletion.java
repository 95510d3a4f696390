package org.relief.procedures.scheduling;

import org.relief.procedures.ProcedurePerformed;
import org.relief.procedures.ProcedureScheduling;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Completes the booking a performed procedure was recorded from. Runs in the recording's own
 * transaction, just before it commits, so that the record and its booking are completed together
 * and the record's {@code booking_id}, set anywhere in that transaction, is seen. A record without
 * a booking (entered afterwards from another record) changes nothing; a repeated event neither.
 */
@Component
class BookingCompletion {

  private final ScheduleRepository schedule;
  private final ProcedureScheduling scheduling;

  BookingCompletion(ScheduleRepository schedule, ProcedureScheduling scheduling) {
    this.schedule = schedule;
    this.scheduling = scheduling;
  }

  @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
  void on(ProcedurePerformed performed) {
    schedule
        .bookingOfRecord(performed.procedureId())
        .ifPresent(booking -> scheduling.markCompleted(booking, performed.procedureId()));
  }
}
