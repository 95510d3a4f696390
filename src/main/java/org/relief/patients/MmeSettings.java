package org.relief.patients;

import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * MME settings.
 *
 * @param legacyThreshold the 90 MME/day of the 2016 CDC guideline, which payers still use; the 2022
 *     guideline sets no such threshold, so each practice decides (clinical-rules.md §2d)
 */
@ConfigurationProperties("relief.patients.mme")
public record MmeSettings(@DefaultValue("90") BigDecimal legacyThreshold) {

  public static final String LEGACY_THRESHOLD = "relief.patients.mme.legacy-threshold";

  public MmeSettings {
    if (legacyThreshold == null || legacyThreshold.signum() <= 0) {
      throw new IllegalArgumentException(
          LEGACY_THRESHOLD + " must be a positive number of MME/day");
    }
  }
}
