package org.relief.patients;

import java.time.LocalDate;

/** What registration asks for; also what an edit changes. */
public record PatientDetails(
    String mrn,
    String familyName,
    String givenName,
    LocalDate birthDate,
    Sex sex,
    String phone,
    String email,
    String preferredLanguage) {}
