package org.relief.review.summary;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.relief.review.summary.PreVisitSummary.MmeStep;
import org.relief.review.summary.PreVisitSummary.Point;
import org.relief.review.summary.PreVisitSummary.ProcedureMark;
import org.relief.review.summary.PreVisitSummary.Series;

/**
 * The timeline as the chart script reads it: times in Unix seconds (noon UTC of the day, so that a
 * day never slips into its neighbour in any time zone the browser is in), one entry per series.
 *
 * @param end today, where the MME line ends
 */
record TimelineData(
    List<SeriesData> series,
    List<double[]> mmeSteps,
    List<Double> mmeThresholds,
    List<Mark> procedures,
    long start,
    long end) {

  record SeriesData(String code, String label, double min, double max, long[] t, Double[] v) {}

  record Mark(int n, long t, String label) {}

  static TimelineData of(PreVisitSummary s) {
    List<SeriesData> series = new ArrayList<>();
    long start = seconds(s.today());
    for (Series one : s.series()) {
      List<Point> points = one.points();
      long[] t = new long[points.size()];
      Double[] v = new Double[points.size()];
      for (int i = 0; i < points.size(); i++) {
        t[i] = seconds(points.get(i).date());
        v[i] = points.get(i).score();
      }
      start = Math.min(start, t[0]);
      series.add(new SeriesData(one.code(), one.label(), one.min(), one.max(), t, v));
    }
    List<double[]> mme = new ArrayList<>();
    for (MmeStep step : s.medications().trend()) {
      mme.add(new double[] {seconds(step.from()), step.mme().doubleValue()});
    }
    List<Mark> marks = new ArrayList<>();
    for (ProcedureMark m : s.procedures()) {
      marks.add(new Mark(m.number(), seconds(m.date()), m.label()));
      start = Math.min(start, seconds(m.date()));
    }
    List<Double> thresholds =
        s.medications().thresholds().stream().map(t -> t.mme().doubleValue()).toList();
    return new TimelineData(series, mme, thresholds, marks, start, seconds(s.today()));
  }

  static long seconds(LocalDate day) {
    return day.atTime(12, 0).toEpochSecond(ZoneOffset.UTC);
  }
}
