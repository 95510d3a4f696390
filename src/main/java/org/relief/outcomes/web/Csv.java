package org.relief.outcomes.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.relief.outcomes.analytics.PracticeAnalytics.Rate;
import org.relief.outcomes.analytics.PracticeAnalytics.Report;
import org.relief.outcomes.analytics.PracticeAnalytics.Row;

/**
 * The analytics report as CSV (RFC 4180). Cells that a spreadsheet would run as a formula (starting
 * with {@code = + - @}, a tab or a carriage return) are prefixed with an apostrophe: labels include
 * physicians' names, which staff type.
 */
final class Csv {

  private Csv() {}

  static List<String[]> lines(Report report) {
    List<String[]> lines = new ArrayList<>();
    lines.add(
        new String[] {
          "grouping",
          "group",
          "timepoint",
          "performed_from",
          "performed_to",
          "due",
          "answered",
          "completeness",
          "low_completeness",
          "responders_30",
          "rate_30",
          "ci95_lower_30",
          "ci95_upper_30",
          "responders_50",
          "rate_50",
          "ci95_lower_50",
          "ci95_upper_50"
        });
    add(lines, report, "all", List.of(report.overall()));
    add(lines, report, "procedure", report.byProcedure());
    add(lines, report, "level", report.byLevel());
    add(lines, report, "physician", report.byPhysician());
    add(lines, report, "diagnosis", report.byDiagnosis());
    return lines;
  }

  private static void add(List<String[]> lines, Report report, String grouping, List<Row> rows) {
    for (Row r : rows) {
      lines.add(
          new String[] {
            grouping,
            r.label(),
            report.filter().timepoint().code(),
            report.filter().from().toString(),
            report.filter().to().toString(),
            Long.toString(r.tally().due()),
            Long.toString(r.tally().answered()),
            number(r.completeness()),
            Boolean.toString(r.lowCompleteness()),
            Long.toString(r.rate30().responders()),
            number(r.rate30().rate()),
            lower(r.rate30()),
            upper(r.rate30()),
            Long.toString(r.rate50().responders()),
            number(r.rate50().rate()),
            lower(r.rate50()),
            upper(r.rate50())
          });
    }
  }

  private static String lower(Rate rate) {
    return rate.ci95() == null ? "" : number(rate.ci95().lower());
  }

  private static String upper(Rate rate) {
    return rate.ci95() == null ? "" : number(rate.ci95().upper());
  }

  private static String number(Double value) {
    return value == null ? "" : String.format(Locale.ROOT, "%.4f", value);
  }

  static String line(String[] cells) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < cells.length; i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(cell(cells[i]));
    }
    return out.toString();
  }

  static String cell(String value) {
    String v = value == null ? "" : value;
    if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
      v = "'" + v;
    }
    if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
      v = "\"" + v.replace("\"", "\"\"") + "\"";
    }
    return v;
  }
}
