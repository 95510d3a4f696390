package org.relief.review.summary;

import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import java.awt.Color;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.relief.review.summary.PreVisitSummary.MmeStep;
import org.relief.review.summary.PreVisitSummary.Point;
import org.relief.review.summary.PreVisitSummary.ProcedureMark;
import org.relief.review.summary.PreVisitSummary.Series;

/**
 * Draws the summary's timeline for the PDF: the same panels as the page (NRS, ODI/NDI, PHQ-9,
 * MME/day) on one time axis, every procedure a numbered dashed line across them.
 *
 * <p>Coordinates are PDF points with the origin at the bottom left of the drawing.
 */
final class TimelineDrawing {

  static final Color INK = new Color(0x1c, 0x24, 0x30);
  static final Color MUTED = new Color(0x5a, 0x66, 0x75);
  static final Color GRID = new Color(0xdd, 0xe2, 0xe8);
  static final Color BRAND = new Color(0x0f, 0x5f, 0x73);
  static final Color ALERT = new Color(0xa4, 0x26, 0x2c);
  private static final Color NRS = ALERT;
  private static final Color ODI = BRAND;
  private static final Color NDI = new Color(0x5b, 0x2a, 0x86);
  private static final Color PHQ9 = new Color(0x9a, 0x5b, 0x00);

  private static final float LEFT = 58;
  private static final float RIGHT = 8;
  private static final float AXIS = 14;
  private static final float MARKERS = 14;
  private static final float GAP = 6;

  private record Panel(String title, double min, double max, List<Line> lines, boolean stepped) {}

  private record Line(String label, Color color, List<LocalDate> days, List<Double> values) {}

  private final PreVisitSummary summary;
  private final BaseFont font;
  private final BaseFont bold;

  TimelineDrawing(PreVisitSummary summary, BaseFont font, BaseFont bold) {
    this.summary = summary;
    this.font = font;
    this.bold = bold;
  }

  /** Whether there is anything to draw. */
  boolean hasData() {
    return !panels().isEmpty() || !summary.procedures().isEmpty();
  }

  void draw(PdfContentByte cb, float width, float height) {
    List<Panel> panels = panels();
    if (panels.isEmpty()) {
      panels = List.of(new Panel("Procedures", 0, 1, List.of(), false));
    }
    LocalDate first = summary.today();
    for (Panel p : panels) {
      for (Line l : p.lines()) {
        if (!l.days().isEmpty() && l.days().get(0).isBefore(first)) {
          first = l.days().get(0);
        }
      }
    }
    for (ProcedureMark m : summary.procedures()) {
      if (m.date().isBefore(first)) {
        first = m.date();
      }
    }
    long from = first.toEpochDay();
    long to = summary.today().toEpochDay();
    long pad = Math.max(5, (to - from) / 50);
    double xMin = from - pad;
    double xMax = to + pad;
    float plotLeft = LEFT;
    float plotRight = width - RIGHT;
    float plotTop = height - MARKERS;
    float panelHeight = (plotTop - AXIS - GAP * (panels.size() - 1)) / panels.size();

    float top = plotTop;
    for (Panel panel : panels) {
      float bottom = top - panelHeight;
      drawPanel(cb, panel, plotLeft, plotRight, bottom, top, xMin, xMax);
      top = bottom - GAP;
    }
    float plotBottom = AXIS;
    drawYears(cb, plotLeft, plotRight, plotBottom, xMin, xMax);

    for (ProcedureMark m : summary.procedures()) {
      float x = x(m.date().toEpochDay(), plotLeft, plotRight, xMin, xMax);
      cb.saveState();
      cb.setColorStroke(BRAND);
      cb.setLineWidth(0.7f);
      cb.setLineDash(2.5f, 2f, 0);
      cb.moveTo(x, plotBottom);
      cb.lineTo(x, plotTop);
      cb.stroke();
      cb.restoreState();
      cb.saveState();
      cb.setColorFill(BRAND);
      cb.circle(x, plotTop + 6, 5.5f);
      cb.fill();
      cb.restoreState();
      text(cb, bold, 6, Color.WHITE, Integer.toString(m.number()), x, plotTop + 4, true);
    }
  }

  private void drawPanel(
      PdfContentByte cb,
      Panel panel,
      float left,
      float right,
      float bottom,
      float top,
      double xMin,
      double xMax) {
    cb.saveState();
    cb.setColorStroke(GRID);
    cb.setLineWidth(0.4f);
    for (int i = 0; i <= 2; i++) {
      float y = bottom + (top - bottom) * i / 2;
      cb.moveTo(left, y);
      cb.lineTo(right, y);
    }
    cb.stroke();
    cb.restoreState();
    text(cb, bold, 6.5f, INK, panel.title(), 2, top - 7, false);
    text(cb, font, 6, MUTED, Scores.format(panel.max()), left - 3, top - 2, false, true);
    text(cb, font, 6, MUTED, Scores.format(panel.min()), left - 3, bottom, false, true);
    float legendY = top - 15;
    for (Line line : panel.lines()) {
      cb.saveState();
      cb.setColorFill(line.color());
      cb.rectangle(2, legendY + 1, 5, 3);
      cb.fill();
      cb.restoreState();
      text(cb, font, 6, INK, line.label(), 9, legendY, false);
      legendY -= 8;
    }
    if (panel.stepped()) {
      for (Double threshold : thresholds()) {
        if (threshold > panel.max()) {
          continue;
        }
        float y = y(threshold, panel, bottom, top);
        cb.saveState();
        cb.setColorStroke(ALERT);
        cb.setLineWidth(0.5f);
        cb.setLineDash(1f, 2f, 0);
        cb.moveTo(left, y);
        cb.lineTo(right, y);
        cb.stroke();
        cb.restoreState();
        text(
            cb,
            font,
            5.5f,
            ALERT,
            Scores.format(threshold) + " MME/day",
            right - 2,
            y + 1.5f,
            false,
            true);
      }
    }
    for (Line line : panel.lines()) {
      cb.saveState();
      cb.setColorStroke(line.color());
      cb.setLineWidth(1.1f);
      boolean pen = false;
      float lastY = 0;
      for (int i = 0; i < line.days().size(); i++) {
        Double v = line.values().get(i);
        if (v == null) {
          continue;
        }
        float x = x(line.days().get(i).toEpochDay(), left, right, xMin, xMax);
        float y = y(v, panel, bottom, top);
        if (!pen) {
          cb.moveTo(x, y);
          pen = true;
        } else if (panel.stepped()) {
          cb.lineTo(x, lastY);
          cb.lineTo(x, y);
        } else {
          cb.lineTo(x, y);
        }
        lastY = y;
      }
      if (pen && panel.stepped()) {
        cb.lineTo(x(summary.today().toEpochDay(), left, right, xMin, xMax), lastY);
      }
      cb.stroke();
      cb.restoreState();
      if (!panel.stepped()) {
        cb.saveState();
        cb.setColorFill(line.color());
        for (int i = 0; i < line.days().size(); i++) {
          Double v = line.values().get(i);
          if (v != null) {
            cb.circle(
                x(line.days().get(i).toEpochDay(), left, right, xMin, xMax),
                y(v, panel, bottom, top),
                1.3f);
          }
        }
        cb.fill();
        cb.restoreState();
      }
    }
  }

  private void drawYears(
      PdfContentByte cb, float left, float right, float bottom, double xMin, double xMax) {
    cb.saveState();
    cb.setColorStroke(MUTED);
    cb.setLineWidth(0.5f);
    cb.moveTo(left, bottom);
    cb.lineTo(right, bottom);
    cb.stroke();
    cb.restoreState();
    LocalDate start = LocalDate.ofEpochDay((long) Math.ceil(xMin));
    LocalDate end = LocalDate.ofEpochDay((long) Math.floor(xMax));
    int years = end.getYear() - start.getYear();
    int step = years > 12 ? 2 : 1;
    for (int year = start.getYear() + 1; year <= end.getYear(); year += step) {
      float x = x(LocalDate.of(year, 1, 1).toEpochDay(), left, right, xMin, xMax);
      cb.saveState();
      cb.setColorStroke(MUTED);
      cb.setLineWidth(0.5f);
      cb.moveTo(x, bottom);
      cb.lineTo(x, bottom - 3);
      cb.stroke();
      cb.restoreState();
      text(cb, font, 6, MUTED, Integer.toString(year), x, bottom - 10, true);
    }
    if (years == 0) {
      text(cb, font, 6, MUTED, start.toString(), left, bottom - 10, false);
      text(cb, font, 6, MUTED, end.toString(), right, bottom - 10, false, true);
    }
  }

  private List<Panel> panels() {
    List<Panel> panels = new ArrayList<>();
    addPanel(panels, "NRS pain", List.of("nrs"));
    addPanel(panels, "ODI / NDI %", List.of("odi", "ndi"));
    addPanel(panels, "PHQ-9", List.of("phq9"));
    List<MmeStep> trend = summary.medications().trend();
    if (!trend.isEmpty()) {
      double top = 0;
      for (MmeStep s : trend) {
        top = Math.max(top, s.mme().doubleValue());
      }
      for (Double t : thresholds()) {
        top = Math.max(top, t);
      }
      panels.add(
          new Panel(
              "MME/day",
              0,
              Math.ceil(top * 1.15 / 10) * 10,
              List.of(
                  new Line(
                      "MME/day",
                      INK,
                      trend.stream().map(MmeStep::from).toList(),
                      trend.stream().map(s -> s.mme().doubleValue()).toList())),
              true));
    }
    return panels;
  }

  private void addPanel(List<Panel> panels, String title, List<String> codes) {
    List<Line> lines = new ArrayList<>();
    double min = 0;
    double max = 0;
    for (Series s : summary.series()) {
      if (codes.contains(s.code())) {
        lines.add(
            new Line(
                s.label(),
                color(s.code()),
                s.points().stream().map(Point::date).toList(),
                s.points().stream().map(Point::score).toList()));
        min = s.min();
        max = s.max();
      }
    }
    if (!lines.isEmpty()) {
      panels.add(new Panel(title, min, max, lines, false));
    }
  }

  private List<Double> thresholds() {
    return summary.medications().thresholds().stream().map(t -> t.mme().doubleValue()).toList();
  }

  private static Color color(String code) {
    return switch (code) {
      case "nrs" -> NRS;
      case "odi" -> ODI;
      case "ndi" -> NDI;
      default -> PHQ9;
    };
  }

  private static float x(double day, float left, float right, double xMin, double xMax) {
    return (float) (left + (right - left) * (day - xMin) / (xMax - xMin));
  }

  private static float y(double value, Panel panel, float bottom, float top) {
    double range = Math.max(1e-9, panel.max() - panel.min());
    double clamped = Math.max(panel.min(), Math.min(panel.max(), value));
    return (float) (bottom + (top - bottom) * (clamped - panel.min()) / range);
  }

  private static void text(
      PdfContentByte cb,
      BaseFont font,
      float size,
      Color color,
      String text,
      float x,
      float y,
      boolean centred) {
    text(cb, font, size, color, text, x, y, centred, false);
  }

  private static void text(
      PdfContentByte cb,
      BaseFont font,
      float size,
      Color color,
      String text,
      float x,
      float y,
      boolean centred,
      boolean rightAligned) {
    cb.beginText();
    cb.setFontAndSize(font, size);
    cb.setColorFill(color);
    int align =
        centred
            ? PdfContentByte.ALIGN_CENTER
            : rightAligned ? PdfContentByte.ALIGN_RIGHT : PdfContentByte.ALIGN_LEFT;
    cb.showTextAligned(align, SummaryPdf.printable(text), x, y, 0);
    cb.endText();
  }
}
