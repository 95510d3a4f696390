package org.relief.consultations;

import java.util.List;

/**
 * The relief each patient expected against the relief achieved: for every procedure performed after
 * a goal with an expected relief was recorded, that expectation against the NRS reduction at each
 * answered follow-up — met, not met, or not yet known. Reads are audited by the goals and by the
 * outcomes they draw on.
 */
public interface ReliefExpectations {

  /** Every compared procedure of the patient, newest first. */
  List<ReliefComparison> ofPatient(long patientId);

  /** The compared procedures whose goal was recorded at this visit, newest first. */
  List<ReliefComparison> ofVisit(long visitId, long patientId);
}
