package org.relief.patients;

import java.math.BigDecimal;

/**
 * A total daily MME at which the guidance changes (clinical-rules.md §2d).
 *
 * @param setting the configuration property that sets it, {@code null} when it is fixed
 * @param reached whether the total is at or above it
 */
public record MmeThreshold(
    String code, BigDecimal mme, String setting, boolean reached, Provenance provenance) {

  /** Whether the practice may change it. */
  public boolean configurable() {
    return setting != null;
  }
}
