package org.relief.procedures;

/** Complications a procedure note records, in a clinician's words. */
public enum Complication {
  VASOVAGAL("Vasovagal reaction"),
  INTRAVASCULAR_UPTAKE("Intravascular contrast uptake"),
  DURAL_PUNCTURE("Dural puncture"),
  PARESTHESIA("Paresthesia during needle placement"),
  BLEEDING("Bleeding or hematoma"),
  HYPOTENSION("Hypotension"),
  ALLERGIC_REACTION("Allergic reaction"),
  LOCAL_ANAESTHETIC_TOXICITY("Local anaesthetic systemic toxicity"),
  OTHER("Other (described in the note)");

  private final String label;

  Complication(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
