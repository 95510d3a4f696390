package org.relief.careers.outreach;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of recruiter outreach ({@code relief.careers.outreach.*}). careers.md asks for "no bulk
 * export of candidates" and names no numbers, so these are the practice's choice.
 *
 * @param dailyLimit messages one recruiter may send in a day (the practice's day)
 * @param pageSize specialists on one page of a posting's list
 * @param maxListed the most specialists a posting's list ever shows, however many qualify
 */
@ConfigurationProperties("relief.careers.outreach")
record OutreachSettings(Integer dailyLimit, Integer pageSize, Integer maxListed) {

  static final int MAX_BODY = 2000;
  static final int MAX_NOTE = 500;

  OutreachSettings {
    dailyLimit = positive(dailyLimit, 20, "daily-limit");
    pageSize = positive(pageSize, 10, "page-size");
    maxListed = positive(maxListed, 50, "max-listed");
  }

  private static int positive(Integer value, int fallback, String name) {
    if (value == null) {
      return fallback;
    }
    if (value < 1) {
      throw new IllegalArgumentException("relief.careers.outreach." + name + " must be 1 or more");
    }
    return value;
  }
}
