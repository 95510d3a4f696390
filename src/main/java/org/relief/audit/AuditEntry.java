package org.relief.audit;

import java.util.Objects;

/**
 * One thing that happened, as it goes into the trail: who (user name or API client id), what, on
 * which object, with what outcome, from where. Never names or health data: objects are named by
 * type and ID, and {@code detail} is a short code such as {@code account-locked}.
 */
public record AuditEntry(
    String actor,
    ActorType actorType,
    String action,
    String objectType,
    String objectId,
    Outcome outcome,
    String sourceAddress,
    String detail) {

  public AuditEntry {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(actorType, "actorType");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(outcome, "outcome");
  }

  /** Who acted. */
  public enum ActorType {
    USER,
    API_CLIENT,
    ANONYMOUS,
    SYSTEM,
    PATIENT_LINK
  }

  /** How it ended. */
  public enum Outcome {
    SUCCESS,
    FAILURE,
    DENIED
  }
}
