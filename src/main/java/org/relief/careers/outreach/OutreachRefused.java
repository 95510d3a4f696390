package org.relief.careers.outreach;

/**
 * A recruiter asked to act on something that is not theirs to act on (another organisation's
 * posting): answered with 403 and the reason.
 */
class OutreachRefused extends RuntimeException {

  private final String code;

  OutreachRefused(String code, String message) {
    super(message);
    this.code = code;
  }

  String code() {
    return code;
  }
}
