package org.relief.patients;

import java.math.BigDecimal;

/**
 * One opioid converted to morphine milligram equivalents per day.
 *
 * @param factor the CDC 2022 conversion factor; {@code null} when the drug has none (buprenorphine,
 *     clinical-rules.md §2b.6)
 * @param mme daily dose times factor, rounded to one decimal (half up); {@code null} when the drug
 *     is not counted
 * @param counted whether {@code mme} is part of the total
 */
public record MedicationMme(
    String drug,
    BigDecimal dose,
    String unit,
    BigDecimal factor,
    BigDecimal mme,
    boolean counted,
    Provenance provenance) {}
