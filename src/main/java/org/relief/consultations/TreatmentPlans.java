package org.relief.consultations;

import java.util.List;
import java.util.Optional;

/**
 * Treatment-plan items of signed visit notes, for other modules: the Today page lists a clinician's
 * open items as tasks; case conferences read the question of a {@link CaseConferenceRequested}
 * item. Reads are audited as {@code CarePlan} accesses.
 */
public interface TreatmentPlans {

  /** The open items (proposed or ordered) of signed notes that the clinician has to act on. */
  List<PlanItem> openItemsOwnedBy(long clinicianId);

  /** One item of a signed note. */
  Optional<PlanItem> item(long planItemId);

  /** Every item of the patient's signed notes, oldest first. */
  List<PlanItem> ofPatient(long patientId);
}
