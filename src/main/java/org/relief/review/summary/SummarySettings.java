package org.relief.review.summary;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When the pre-visit summary calls a score "worse": the latest result of an instrument is at least
 * this many points above the one before. The values are the minimal clinically important
 * differences clinical-rules.md marks U (unconfirmed), so they are settings, shown as "unconfirmed
 * — confirm locally" until their key is listed in {@code confirmed}.
 *
 * @param nrsWorsening NRS points (§3.5: MCID ~2 points, U)
 * @param odiWorsening ODI percentage points (§3.1: MCID 10 points, U)
 * @param ndiWorsening NDI percentage points (§3.2: MCID 5–10 raw points, 10–19 %, U)
 * @param confirmed the keys ({@code nrs-worsening}, {@code odi-worsening}, {@code ndi-worsening})
 *     the practice has checked against the primary source
 */
@ConfigurationProperties("relief.review.summary")
public record SummarySettings(
    @DefaultValue("2") double nrsWorsening,
    @DefaultValue("10") double odiWorsening,
    @DefaultValue("10") double ndiWorsening,
    @DefaultValue("") List<String> confirmed) {

  public SummarySettings {
    confirmed = confirmed == null ? List.of() : List.copyOf(confirmed);
    for (double points : new double[] {nrsWorsening, odiWorsening, ndiWorsening}) {
      if (!(points > 0)) {
        throw new IllegalArgumentException(
            "relief.review.summary.*-worsening must be a positive number of points");
      }
    }
  }

  /** The worsening threshold for an instrument code, or {@code null} when none is set. */
  Double worsening(String instrument) {
    return switch (instrument) {
      case "nrs" -> nrsWorsening;
      case "odi" -> odiWorsening;
      case "ndi" -> ndiWorsening;
      default -> null;
    };
  }

  boolean confirmed(String instrument) {
    return confirmed.contains(instrument + "-worsening");
  }
}
