package org.relief.procedures.scheduling;

import java.time.LocalDate;
import org.relief.platform.PracticeSettings;
import org.relief.procedures.BookedProcedure;
import org.relief.procedures.ProcedureNote;
import org.relief.procedures.ProcedureNotes;
import org.relief.procedures.ProcedureScheduling;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starting a booked procedure opens its note, filled in with what was booked: both happen or
 * neither, so a procedure is never in progress without a note to write.
 */
@Service
class ProcedureStart {

  private final ProcedureScheduling scheduling;
  private final ProcedureNotes notes;
  private final PracticeSettings practice;

  ProcedureStart(ProcedureScheduling scheduling, ProcedureNotes notes, PracticeSettings practice) {
    this.scheduling = scheduling;
    this.notes = notes;
    this.practice = practice;
  }

  @Transactional
  ProcedureNote start(long bookingId, long physicianUserId) {
    BookedProcedure started = scheduling.start(bookingId, physicianUserId);
    return notes.start(
        new ProcedureNotes.Start(
            started.patientId(),
            started.procedureType(),
            started.id(),
            started.physicianId(),
            LocalDate.ofInstant(started.startsAt(), practice.timeZone()),
            started.levels(),
            started.laterality()));
  }
}
