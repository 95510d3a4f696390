package org.relief.patients;

import java.time.LocalDate;
import java.time.Period;

/** A registered patient's identity and contact details. */
public record Patient(
    long id,
    String mrn,
    String familyName,
    String givenName,
    LocalDate birthDate,
    Sex sex,
    String phone,
    String email,
    String preferredLanguage,
    boolean synthetic,
    int version) {

  /** "Family, Given", as clinic lists show names. */
  public String displayName() {
    return familyName + ", " + givenName;
  }

  public int ageOn(LocalDate day) {
    return Period.between(birthDate, day).getYears();
  }
}
