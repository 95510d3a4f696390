package org.relief.fhir;

import org.relief.platform.RuleViolation;

/**
 * A resource Relief does not keep (an Observation that is not a pain score, a type with no
 * provider). On its own it is refused with 422; inside a batch or transaction Bundle (a Synthea
 * import) the entry is skipped and counted, not failed. Throw it before writing anything.
 */
public class NotKept extends RuleViolation {

  public NotKept(String message) {
    super("not-kept", message);
  }
}
