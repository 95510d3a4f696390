package org.relief.conferences;

/** What kind of follow-up a recommendation leads to. */
public enum ActionKind {
  REFERRAL("Referral"),
  ORDER("Order"),
  TASK("Task");

  private final String label;

  ActionKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
