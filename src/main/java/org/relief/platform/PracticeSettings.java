package org.relief.platform;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** The practice running this Relief: its name and the time zone its days are counted in. */
@ConfigurationProperties("relief.practice")
public record PracticeSettings(
    @DefaultValue("Relief Pain Practice") String name,
    @DefaultValue("America/New_York") ZoneId timeZone) {}
