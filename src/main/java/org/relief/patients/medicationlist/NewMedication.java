package org.relief.patients.medicationlist;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A medication to add to a patient's list, as the prescriber gives it; checked when added. */
public record NewMedication(
    String drug,
    BigDecimal dose,
    MedicationUnit unit,
    Frequency frequency,
    Integer count,
    LocalDate startDate,
    LocalDate stopDate) {}
