package org.relief.patients;

/**
 * Reads a patient's pain history and body map together. Both reads are audited ({@code
 * PainHistory}, {@code BodyMap}) with the patient's ID.
 */
public interface PainPictures {

  /**
   * The patient's pain picture; parts not recorded yet are marked so.
   *
   * @throws PatientNotFound when no patient has this ID
   */
  PainPicture of(long patientId);
}
