package org.relief.platform;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** The practice running this Relief: its name and the time zone its days are counted in. */
@ConfigurationProperties("relief.practice")
public record PracticeSettings(
    @DefaultValue("Relief Pain Practice") String name,
    @DefaultValue("America/New_York") ZoneId timeZone) {

  /** Today as the practice counts days: a procedure's, a visit's or a follow-up's day. */
  public LocalDate today(Clock clock) {
    return LocalDate.now(clock.withZone(timeZone));
  }
}
