package org.relief.assessments.scoring;

import java.util.ArrayList;
import java.util.List;
import org.relief.assessments.Band;

/** Bands in words, for the notes that show which unconfirmed bands are in use. */
final class Bands {

  private Bands() {}

  static String describe(List<Band> bands, int max) {
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < bands.size(); i++) {
      Band band = bands.get(i);
      int to = i + 1 < bands.size() ? bands.get(i + 1).from() - 1 : max;
      parts.add(band.label() + " " + (to == band.from() ? band.from() : band.from() + "–" + to));
    }
    return String.join(", ", parts);
  }
}
