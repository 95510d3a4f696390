package org.relief.patients.bodymap;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.relief.patients.bodymap.BodyRegion.Area;
import org.relief.patients.bodymap.BodyRegion.Side;
import org.relief.patients.bodymap.BodyRegion.View;

/**
 * The catalogue of body-map regions: every code the map can store, its label, view, side and
 * outline.
 *
 * <p>Design note: each paired region is drawn once, on the viewer's left half of a 200-wide box,
 * and mirrored for its twin. On the front view the viewer's left is the patient's right (the
 * patient faces us); on the back view it is the patient's left. Codes never change once stored; add
 * regions, do not rename them.
 */
public final class BodyRegions {

  private static final double CENTRE = 100;
  private static final Map<String, BodyRegion> BY_CODE;

  static {
    List<BodyRegion> all = new ArrayList<>();
    // Front view.
    midline(all, View.FRONT, "head", "Head and face", Area.HEAD_NECK, ellipse(100, 30, 20, 24));
    midline(all, View.FRONT, "neck", "Front of neck", Area.HEAD_NECK, rect(88, 56, 24, 14, 4));
    pair(all, View.FRONT, "shoulder", "shoulder", Area.SHOULDERS_ARMS, ellipse(60, 82, 12, 11));
    pair(all, View.FRONT, "chest", "chest", Area.TRUNK_FRONT, rect(72, 72, 28, 40, 5));
    pair(all, View.FRONT, "upper-arm", "upper arm", Area.SHOULDERS_ARMS, rect(44, 94, 16, 46, 6));
    pair(all, View.FRONT, "elbow", "elbow (front)", Area.SHOULDERS_ARMS, ellipse(52, 148, 9, 8));
    pair(all, View.FRONT, "forearm", "forearm", Area.SHOULDERS_ARMS, rect(44, 157, 16, 40, 6));
    pair(all, View.FRONT, "wrist", "wrist", Area.SHOULDERS_ARMS, rect(44, 199, 16, 9, 3));
    pair(all, View.FRONT, "hand", "hand (palm)", Area.SHOULDERS_ARMS, ellipse(52, 223, 10, 13));
    pair(all, View.FRONT, "abdomen", "abdomen", Area.TRUNK_FRONT, rect(72, 112, 28, 38, 5));
    midline(
        all,
        View.FRONT,
        "pelvis",
        "Lower abdomen (pubic)",
        Area.PELVIS_HIPS,
        rect(94, 150, 12, 24, 3));
    pair(all, View.FRONT, "groin", "groin", Area.PELVIS_HIPS, rect(80, 150, 14, 24, 4));
    pair(all, View.FRONT, "hip", "hip (side)", Area.PELVIS_HIPS, rect(64, 150, 16, 26, 6));
    pair(all, View.FRONT, "thigh", "thigh (front)", Area.LEGS_FEET, rect(68, 178, 28, 72, 8));
    pair(all, View.FRONT, "knee", "knee (front)", Area.LEGS_FEET, ellipse(82, 262, 13, 11));
    pair(all, View.FRONT, "shin", "shin", Area.LEGS_FEET, rect(72, 274, 20, 80, 7));
    pair(all, View.FRONT, "ankle", "ankle", Area.LEGS_FEET, rect(72, 356, 20, 12, 4));
    pair(all, View.FRONT, "foot", "foot (top)", Area.LEGS_FEET, ellipse(80, 380, 14, 9));
    // Back view.
    midline(all, View.BACK, "head", "Back of head", Area.HEAD_NECK, ellipse(100, 30, 20, 24));
    midline(all, View.BACK, "cervical", "Cervical spine", Area.SPINE_BACK, rect(94, 56, 12, 16, 3));
    pair(all, View.BACK, "neck", "side of neck (back)", Area.HEAD_NECK, rect(81, 56, 13, 14, 4));
    pair(
        all,
        View.BACK,
        "shoulder",
        "shoulder (back)",
        Area.SHOULDERS_ARMS,
        ellipse(60, 82, 12, 11));
    pair(all, View.BACK, "scapula", "shoulder blade", Area.SPINE_BACK, rect(72, 74, 14, 32, 5));
    midline(all, View.BACK, "thoracic", "Thoracic spine", Area.SPINE_BACK, rect(94, 72, 12, 52, 3));
    pair(all, View.BACK, "thoracic", "mid back", Area.SPINE_BACK, rect(86, 72, 8, 52, 2));
    pair(all, View.BACK, "flank", "flank", Area.SPINE_BACK, rect(72, 106, 14, 18, 4));
    pair(
        all,
        View.BACK,
        "upper-arm",
        "upper arm (back)",
        Area.SHOULDERS_ARMS,
        rect(44, 94, 16, 46, 6));
    pair(all, View.BACK, "elbow", "elbow (back)", Area.SHOULDERS_ARMS, ellipse(52, 148, 9, 8));
    pair(
        all, View.BACK, "forearm", "forearm (back)", Area.SHOULDERS_ARMS, rect(44, 157, 16, 42, 6));
    pair(all, View.BACK, "hand", "hand (back)", Area.SHOULDERS_ARMS, ellipse(52, 218, 10, 15));
    midline(all, View.BACK, "lumbar", "Lumbar spine", Area.SPINE_BACK, rect(94, 124, 12, 28, 3));
    pair(all, View.BACK, "lumbar", "lower back", Area.SPINE_BACK, rect(72, 124, 22, 28, 4));
    midline(all, View.BACK, "sacrum", "Sacrum", Area.SPINE_BACK, rect(94, 152, 12, 16, 3));
    midline(all, View.BACK, "coccyx", "Coccyx (tailbone)", Area.SPINE_BACK, rect(96, 168, 8, 9, 3));
    pair(
        all,
        View.BACK,
        "sacroiliac",
        "sacroiliac joint",
        Area.PELVIS_HIPS,
        rect(86, 152, 8, 16, 2));
    pair(all, View.BACK, "buttock", "buttock", Area.PELVIS_HIPS, rect(66, 152, 20, 26, 8));
    pair(all, View.BACK, "thigh", "thigh (back)", Area.LEGS_FEET, rect(68, 180, 28, 70, 8));
    pair(all, View.BACK, "knee", "back of knee", Area.LEGS_FEET, ellipse(82, 262, 13, 11));
    pair(all, View.BACK, "calf", "calf", Area.LEGS_FEET, rect(72, 274, 20, 82, 7));
    pair(all, View.BACK, "heel", "heel", Area.LEGS_FEET, ellipse(82, 368, 10, 9));
    Map<String, BodyRegion> byCode = new LinkedHashMap<>();
    for (BodyRegion r : all) {
      if (byCode.put(r.code(), r) != null) {
        throw new IllegalStateException("Body region " + r.code() + " is defined twice");
      }
    }
    BY_CODE = Collections.unmodifiableMap(byCode);
  }

  private BodyRegions() {}

  /** Every region, front view first, in drawing order. */
  public static Collection<BodyRegion> all() {
    return BY_CODE.values();
  }

  public static List<BodyRegion> of(View view) {
    return all().stream().filter(r -> r.view() == view).toList();
  }

  public static Optional<BodyRegion> byCode(String code) {
    return Optional.ofNullable(BY_CODE.get(code));
  }

  /** The regions of one area, for the grouped checkbox list. */
  public static List<BodyRegion> of(Area area) {
    return all().stream().filter(r -> r.area() == area).toList();
  }

  /** One view as drawn, with the side marks the viewer sees on the left and on the right. */
  public record Drawing(View view, String leftMark, String rightMark, List<BodyRegion> regions) {}

  /** The regions of one area, for the grouped checkbox list. */
  public record Group(Area area, List<BodyRegion> regions) {}

  /** Front and back drawings. */
  public static List<Drawing> drawings() {
    return List.of(
        new Drawing(View.FRONT, "R", "L", of(View.FRONT)),
        new Drawing(View.BACK, "L", "R", of(View.BACK)));
  }

  /** Every area with its regions, in the order the list shows them. */
  public static List<Group> groups() {
    return java.util.Arrays.stream(Area.values()).map(a -> new Group(a, of(a))).toList();
  }

  private static void midline(
      List<BodyRegion> all, View view, String part, String label, Area area, Shape shape) {
    all.add(new BodyRegion(prefix(view) + part, label, view, Side.MIDLINE, area, shape.path()));
  }

  private static void pair(
      List<BodyRegion> all, View view, String part, String label, Area area, Shape viewerLeft) {
    Side drawnLeft = view == View.FRONT ? Side.RIGHT : Side.LEFT;
    for (Side side : new Side[] {Side.RIGHT, Side.LEFT}) {
      Shape shape = side == drawnLeft ? viewerLeft : viewerLeft.mirrored();
      String name = side.name().toLowerCase(Locale.ROOT);
      all.add(
          new BodyRegion(
              prefix(view) + part + "." + name,
              capitalised(name) + " " + label,
              view,
              side,
              area,
              shape.path()));
    }
  }

  private static String prefix(View view) {
    return view.name().toLowerCase(Locale.ROOT) + ".";
  }

  private static String capitalised(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  private static Shape rect(double x, double y, double w, double h, double r) {
    return new Rect(x, y, w, h, r);
  }

  private static Shape ellipse(double cx, double cy, double rx, double ry) {
    return new Ellipse(cx, cy, rx, ry);
  }

  private sealed interface Shape permits Rect, Ellipse {
    String path();

    Shape mirrored();
  }

  private record Rect(double x, double y, double w, double h, double r) implements Shape {
    public String path() {
      return "M%s %sH%sA%s %s 0 0 1 %s %sV%sA%s %s 0 0 1 %s %sH%sA%s %s 0 0 1 %s %sV%sA%s %s 0 0 1 %s %sZ"
          .formatted(
              n(x + r),
              n(y),
              n(x + w - r),
              n(r),
              n(r),
              n(x + w),
              n(y + r),
              n(y + h - r),
              n(r),
              n(r),
              n(x + w - r),
              n(y + h),
              n(x + r),
              n(r),
              n(r),
              n(x),
              n(y + h - r),
              n(y + r),
              n(r),
              n(r),
              n(x + r),
              n(y));
    }

    public Shape mirrored() {
      return new Rect(2 * CENTRE - x - w, y, w, h, r);
    }
  }

  private record Ellipse(double cx, double cy, double rx, double ry) implements Shape {
    public String path() {
      return "M%s %sA%s %s 0 1 0 %s %sA%s %s 0 1 0 %s %sZ"
          .formatted(
              n(cx - rx), n(cy), n(rx), n(ry), n(cx + rx), n(cy), n(rx), n(ry), n(cx - rx), n(cy));
    }

    public Shape mirrored() {
      return new Ellipse(2 * CENTRE - cx, cy, rx, ry);
    }
  }

  private static String n(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }
}
