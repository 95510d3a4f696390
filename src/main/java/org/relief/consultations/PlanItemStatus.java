package org.relief.consultations;

import java.util.Set;

/** How far a treatment-plan item has got. */
public enum PlanItemStatus {
  PROPOSED("Proposed"),
  ORDERED("Ordered"),
  DONE("Done"),
  DECLINED("Declined by the patient"),
  CANCELLED("Cancelled");

  private final String label;

  PlanItemStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** Whether someone still has to act on the item. */
  public boolean open() {
    return this == PROPOSED || this == ORDERED;
  }

  /** The statuses the item may move to from this one. */
  public Set<PlanItemStatus> next() {
    return switch (this) {
      case PROPOSED -> Set.of(ORDERED, DONE, DECLINED, CANCELLED);
      case ORDERED -> Set.of(DONE, CANCELLED);
      default -> Set.of();
    };
  }
}
