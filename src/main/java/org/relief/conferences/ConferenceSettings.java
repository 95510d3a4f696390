package org.relief.conferences;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Case conference settings.
 *
 * @param followThroughDays how far back a conference's follow-through looks: every case discussed
 *     at a conference in this many days before it is shown, and older cases while an action of
 *     theirs is still open
 */
@ConfigurationProperties("relief.conferences")
public record ConferenceSettings(@DefaultValue("90") int followThroughDays) {

  public ConferenceSettings {
    if (followThroughDays < 1 || followThroughDays > 3650) {
      throw new IllegalArgumentException(
          "relief.conferences.follow-through-days is 1 to 3650; "
              + followThroughDays
              + " was given");
    }
  }
}
