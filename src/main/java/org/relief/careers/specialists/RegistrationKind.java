package org.relief.careers.specialists;

/** Controlled-substance registrations, each held per state (careers.md). */
public enum RegistrationKind {
  DEA("DEA registration"),
  STATE_CS("State controlled-substance registration");

  private final String label;

  RegistrationKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
