package org.relief.careers.demand;

import java.util.List;

/**
 * Where one state's gap band sits on a common scale, in percent of the chart's width: the bar from
 * the low to the high gap, the base mark and the zero line (left of it a surplus, right a
 * shortage).
 */
public record GapBar(double x, double width, double base, double zero) {

  /** Bars for the rows on one scale that spans every band and zero. */
  public static List<GapBar> of(List<StateDemand> rows) {
    double min = 0;
    double max = 0;
    for (StateDemand r : rows) {
      min = Math.min(min, r.gap().low());
      max = Math.max(max, r.gap().high());
    }
    double span = max - min == 0 ? 1 : max - min;
    double lo = min;
    return rows.stream()
        .map(
            r -> {
              double x = (r.gap().low() - lo) / span * 100;
              double w = Math.max(0.5, (r.gap().high() - r.gap().low()) / span * 100);
              return new GapBar(x, w, (r.gap().base() - lo) / span * 100, -lo / span * 100);
            })
        .toList();
  }
}
