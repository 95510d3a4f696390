package org.relief.patients;

import java.math.BigDecimal;

/**
 * A total daily MME at which the guidance changes (clinical-rules.md §2d).
 *
 * @param configurable whether the practice may change it
 * @param setting the configuration property that sets it, {@code null} when it is fixed
 * @param reached whether the total is at or above it
 */
public record MmeThreshold(
    String code,
    BigDecimal mme,
    boolean configurable,
    String setting,
    boolean reached,
    Provenance provenance) {

  /** A threshold set by the guideline itself. */
  static MmeThreshold fixed(String code, BigDecimal mme, BigDecimal total, Provenance provenance) {
    return new MmeThreshold(code, mme, false, null, total.compareTo(mme) >= 0, provenance);
  }

  /** A threshold the practice sets through {@code setting}. */
  static MmeThreshold configured(
      String code, BigDecimal mme, String setting, BigDecimal total, Provenance provenance) {
    return new MmeThreshold(code, mme, true, setting, total.compareTo(mme) >= 0, provenance);
  }
}
