package org.relief.careers.jobs;

import java.util.Arrays;
import java.util.Optional;

/** The NUCC taxonomy codes of the pain specialties (careers.md, "Job"). */
public enum PainTaxonomy {
  INTERVENTIONAL_PAIN("208VP0014X", "Interventional Pain Medicine"),
  PAIN_MEDICINE("208VP0000X", "Pain Medicine"),
  ANESTHESIOLOGY_PAIN("207LP2900X", "Anesthesiology – Pain Medicine"),
  PMR_PAIN("2081P2900X", "Physical Medicine & Rehabilitation – Pain Medicine"),
  NEUROLOGY_PAIN("2084P2900X", "Psychiatry & Neurology – Pain Medicine");

  private final String code;
  private final String label;

  PainTaxonomy(String code, String label) {
    this.code = code;
    this.label = label;
  }

  public String code() {
    return code;
  }

  public String label() {
    return label;
  }

  public static Optional<PainTaxonomy> ofCode(String code) {
    return Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst();
  }
}
