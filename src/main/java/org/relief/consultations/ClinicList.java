package org.relief.consultations;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The practice's booked visits, for modules that build on them (the Today page in {@code review},
 * conferences, outcomes). Each list read is audited as an access to the listed visits, by ID only.
 */
public interface ClinicList {

  /** Every clinician's visits on the practice's calendar day, in time order. */
  List<Visit> day(LocalDate day);

  /** One clinician's visits on the day, in time order. */
  List<Visit> day(long clinicianId, LocalDate day);

  /** One visit, if it exists (audited). */
  Optional<Visit> visit(long visitId);

  /**
   * The patient's last visit that took place before {@code day}: the latest one seen or with a
   * signed note, starting before the day began on the practice's calendar (audited).
   */
  Optional<Visit> lastVisitBefore(long patientId, LocalDate day);
}
