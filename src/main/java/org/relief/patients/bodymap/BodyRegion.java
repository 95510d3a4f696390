package org.relief.patients.bodymap;

/**
 * One coded region of the body map. The code is what is stored ({@code back.lumbar.left}); the
 * outline is only how the region is drawn, in the 200 × 400 box of its view.
 */
public record BodyRegion(
    String code, String label, View view, Side side, Area area, String outline) {

  /** Which drawing the region belongs to. */
  public enum View {
    FRONT("Front"),
    BACK("Back");

    private final String label;

    View(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** The patient's side; midline regions (spine, sacrum, head) have no side. */
  public enum Side {
    LEFT,
    RIGHT,
    MIDLINE
  }

  /** How the checkbox list groups the regions. */
  public enum Area {
    HEAD_NECK("Head and neck"),
    SHOULDERS_ARMS("Shoulders, arms and hands"),
    TRUNK_FRONT("Chest and abdomen"),
    SPINE_BACK("Spine and back"),
    PELVIS_HIPS("Pelvis, hips and buttocks"),
    LEGS_FEET("Legs and feet");

    private final String label;

    Area(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }
}
