package org.relief.patients.history;

/** How the patient describes the pain; several may apply. */
public enum PainCharacter {
  BURNING("Burning"),
  ACHING("Aching"),
  SHOOTING("Shooting"),
  STABBING("Stabbing"),
  ELECTRIC("Electric"),
  THROBBING("Throbbing"),
  CRAMPING("Cramping"),
  NUMBNESS_TINGLING("Numbness or tingling"),
  PRESSURE("Pressure");

  private final String label;

  PainCharacter(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
