package org.relief.assessments;

/**
 * One item of an instrument: its key as the published form numbers it ({@code "3"}, {@code "9a"}),
 * a short neutral label (not the licensed wording) and the whole-number answers it accepts.
 * Unscored items (such as the PHQ-9 difficulty question) are accepted but not counted.
 */
public record Item(String key, String label, int min, int max, boolean scored) {

  public static Item of(String key, String label, int min, int max) {
    return new Item(key, label, min, max, true);
  }
}
