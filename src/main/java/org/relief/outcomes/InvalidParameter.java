package org.relief.outcomes;

import org.relief.platform.RuleViolation;

/** A query parameter that cannot be used, named so that the caller can fix it (422). */
public class InvalidParameter extends RuleViolation {

  private final String parameter;

  public InvalidParameter(String parameter, String message) {
    super("invalid-" + parameter, message);
    this.parameter = parameter;
  }

  public String parameter() {
    return parameter;
  }
}
