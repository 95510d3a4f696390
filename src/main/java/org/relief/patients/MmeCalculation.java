package org.relief.patients;

import java.math.BigDecimal;
import java.util.List;

/**
 * Total daily morphine milligram equivalents across all opioids, each opioid's share, the
 * thresholds of clinical-rules.md §2d and the guidance that applies.
 *
 * @param totalMme the sum of the counted medications' rounded MME, so the parts shown add up to the
 *     total shown
 */
public record MmeCalculation(
    BigDecimal totalMme,
    List<MedicationMme> medications,
    List<MmeThreshold> thresholds,
    List<Guidance> guidance) {

  public MmeCalculation {
    medications = List.copyOf(medications);
    thresholds = List.copyOf(thresholds);
    guidance = List.copyOf(guidance);
  }
}
