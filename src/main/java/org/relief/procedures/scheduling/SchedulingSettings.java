package org.relief.procedures.scheduling;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Scheduling and readiness settings.
 *
 * @param defaultMinutes minutes booked for a procedure type when the booking gives none, by
 *     catalogue code; types not listed take {@code fallbackMinutes}
 * @param fallbackMinutes minutes for a type without its own default
 * @param steroidByDefault the types booked with a steroid unless the booking says otherwise
 *     (epidural steroid injections)
 * @param pregnancyCheckMinAge the youngest age at which the checklist asks for pregnancy status of
 *     a female patient (a practice policy, not a rule of clinical-rules.md)
 * @param pregnancyCheckMaxAge the oldest such age, inclusive
 */
@ConfigurationProperties("relief.procedures.scheduling")
public record SchedulingSettings(
    @DefaultValue Map<String, Integer> defaultMinutes,
    @DefaultValue("30") int fallbackMinutes,
    @DefaultValue({
          "lumbar-tfesi",
          "cervical-tfesi",
          "lumbar-ilesi",
          "cervical-ilesi",
          "caudal-esi"
        })
        List<String> steroidByDefault,
    @DefaultValue("12") int pregnancyCheckMinAge,
    @DefaultValue("55") int pregnancyCheckMaxAge) {

  public static final String PREFIX = "relief.procedures.scheduling";

  /** Typical room times, overridable per type through {@code default-minutes}. */
  private static final Map<String, Integer> TYPICAL =
      Map.ofEntries(
          Map.entry("trigger-point-injection", 15),
          Map.entry("peripheral-nerve-block", 20),
          Map.entry("genicular-nerve-block", 20),
          Map.entry("lumbar-rfa", 45),
          Map.entry("cervical-rfa", 45),
          Map.entry("genicular-rfa", 45),
          Map.entry("celiac-plexus-block", 45),
          Map.entry("scs-trial", 60),
          Map.entry("drg-trial", 60),
          Map.entry("pns-implant", 60),
          Map.entry("vertebral-augmentation", 90),
          Map.entry("mild-decompression", 90),
          Map.entry("scs-implant", 120),
          Map.entry("intrathecal-pump-implant", 120));

  public SchedulingSettings {
    defaultMinutes = defaultMinutes == null ? Map.of() : Map.copyOf(defaultMinutes);
    steroidByDefault = steroidByDefault == null ? List.of() : List.copyOf(steroidByDefault);
    if (fallbackMinutes < 5 || fallbackMinutes > 480) {
      throw new IllegalArgumentException(PREFIX + ".fallback-minutes must be 5 to 480");
    }
    if (pregnancyCheckMinAge < 0 || pregnancyCheckMaxAge < pregnancyCheckMinAge) {
      throw new IllegalArgumentException(
          PREFIX + ".pregnancy-check-min-age and -max-age must form an age range");
    }
  }

  /** The minutes booked for this type when the booking gives none. */
  public int minutesFor(String procedureType) {
    return defaultMinutes.getOrDefault(
        procedureType, TYPICAL.getOrDefault(procedureType, fallbackMinutes));
  }

  public boolean steroidByDefault(String procedureType) {
    return steroidByDefault.contains(procedureType);
  }
}
