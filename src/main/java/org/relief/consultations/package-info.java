/**
 * Consultations: visits booked by the front desk ({@link org.relief.consultations.ClinicList} is
 * the day's list for other modules), the clinician's visit note with its diagnoses, the patient's
 * goals and the treatment plan. A signed note is locked; later changes are addenda.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Consultations")
package org.relief.consultations;
