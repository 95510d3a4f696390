package org.relief.conferences;

/** What a conference recommends for a case, and what the recommendation must name. */
public enum RecommendationKind {
  SURGERY("Surgery", "the operation, e.g. L4–L5 decompression and fusion"),
  INTERVENTIONAL("Interventional procedure", "the procedure from the catalogue"),
  CONSERVATIVE("Conservative care", "what to continue or add (optional)"),
  WORK_UP("Further work-up", "the investigation, e.g. MRI with contrast or EMG");

  private final String label;
  private final String detailHint;

  RecommendationKind(String label, String detailHint) {
    this.label = label;
    this.detailHint = detailHint;
  }

  public String label() {
    return label;
  }

  public String detailHint() {
    return detailHint;
  }
}
