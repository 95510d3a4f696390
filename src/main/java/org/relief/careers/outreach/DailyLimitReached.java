package org.relief.careers.outreach;

import org.relief.platform.RuleViolation;

/** The recruiter has sent the day's allowance of messages; answered with 429. */
class DailyLimitReached extends RuleViolation {

  DailyLimitReached(String message) {
    super("daily-limit", message);
  }
}
