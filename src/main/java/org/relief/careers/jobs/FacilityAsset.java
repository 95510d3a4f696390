package org.relief.careers.jobs;

/** What the practice has to work with (careers.md, "Job": facility assets). */
public enum FacilityAsset {
  FLUOROSCOPY_SUITE("Fluoroscopy suite"),
  ASC("Ambulatory surgery center"),
  OR_ACCESS("Operating-room access"),
  ULTRASOUND("Ultrasound");

  private final String label;

  FacilityAsset(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
