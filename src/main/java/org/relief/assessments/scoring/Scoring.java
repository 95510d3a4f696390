package org.relief.assessments.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.relief.assessments.Band;
import org.relief.assessments.Item;

/** Rounding, banding and item lists shared by the instruments. */
final class Scoring {

  private Scoring() {}

  /**
   * Fractional scores (percentages, means) are reported rounded half-up to one decimal
   * (clinical-rules.md §3.1 "keep 1 decimal"; docs/decisions/0006-rounding-and-bands.md).
   */
  static double oneDecimal(double value) {
    return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).doubleValue();
  }

  /**
   * The band of a reported score. Published bands are whole-number ranges (ODI 0–20, 21–40); a
   * fractional score is placed by its reported value rounded half-up to a whole number, so that
   * what a clinician reads and the band agree (docs/decisions/0006-rounding-and-bands.md).
   */
  static String band(List<Band> bands, double reported) {
    long whole = BigDecimal.valueOf(reported).setScale(0, RoundingMode.HALF_UP).longValueExact();
    String label = bands.get(0).label();
    for (Band band : bands) {
      if (whole >= band.from()) {
        label = band.label();
      }
    }
    return label;
  }

  static List<Band> bands(Object... labelsAndStarts) {
    List<Band> bands = new ArrayList<>();
    for (int i = 0; i + 1 < labelsAndStarts.length; i += 2) {
      bands.add(new Band((String) labelsAndStarts[i], (Integer) labelsAndStarts[i + 1]));
    }
    return List.copyOf(bands);
  }

  /** Items numbered 1, 2, 3 ... as most forms number them, all with the same range. */
  static List<Item> numbered(int min, int max, String... labels) {
    return IntStream.range(0, labels.length)
        .mapToObj(i -> Item.of(String.valueOf(i + 1), labels[i], min, max))
        .toList();
  }

  static List<String> keys(int from, int to) {
    return IntStream.rangeClosed(from, to).mapToObj(String::valueOf).toList();
  }

  /** The note for a rule marked U, unless the practice has confirmed it. */
  static List<String> unconfirmed(boolean confirmed, String note) {
    return confirmed ? List.of() : List.of(note);
  }

  static final String LABELS_ONLY =
      "Copyrighted; licence and wording not yet cleared, so Relief shows item numbers and short"
          + " neutral labels only (docs/instruments.md).";
}
