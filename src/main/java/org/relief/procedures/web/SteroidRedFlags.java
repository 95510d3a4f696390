package org.relief.procedures.web;

import java.time.Clock;
import java.util.List;
import org.relief.platform.PracticeSettings;
import org.relief.platform.RedFlag;
import org.relief.platform.RedFlagSource;
import org.relief.procedures.SteroidExposure;
import org.springframework.stereotype.Component;

/** Steroid exposure over the practice's threshold, for the pre-visit summary (decision 0017). */
@Component
class SteroidRedFlags implements RedFlagSource {

  private final SteroidExposure steroids;
  private final Clock clock;
  private final PracticeSettings practice;

  SteroidRedFlags(SteroidExposure steroids, Clock clock, PracticeSettings practice) {
    this.steroids = steroids;
    this.clock = clock;
    this.practice = practice;
  }

  @Override
  public String checks() {
    return "steroid exposure from procedures over the last 12 months";
  }

  @Override
  public List<RedFlag> redFlags(long patientId) {
    SteroidExposure.Exposure exposure = steroids.forPatient(patientId, practice.today(clock));
    if (!exposure.overThreshold()) {
      return List.of();
    }
    return List.of(
        new RedFlag(
            "steroid-exposure",
            "Steroid exposure over the practice's threshold",
            "%s mg methylprednisolone equivalent from %d injections since %s (warning above %s mg)."
                .formatted(
                    exposure.totalMg().stripTrailingZeros().toPlainString(),
                    exposure.contributions().size(),
                    exposure.from(),
                    exposure.warnAboveMg().stripTrailingZeros().toPlainString()),
            exposure.contributions().get(0).performedOn(),
            exposure.confirmed()
                ? "practice setting (docs/decisions/0017)"
                : "practice setting (docs/decisions/0017), unconfirmed — confirm locally"));
  }
}
