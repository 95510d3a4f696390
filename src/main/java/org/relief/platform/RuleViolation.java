package org.relief.platform;

/**
 * A request that breaks a rule of the clinic or of the data, answered with 422 and a message a
 * clinician understands. {@code code} is stable for programs; the message is for people.
 */
public class RuleViolation extends RuntimeException {

  private final String code;

  public RuleViolation(String code, String message) {
    super(message);
    this.code = code;
  }

  public String code() {
    return code;
  }
}
