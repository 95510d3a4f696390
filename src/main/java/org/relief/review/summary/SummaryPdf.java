package org.relief.review.summary;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.relief.consultations.ReliefComparison;
import org.relief.patients.MedicationCourse;
import org.relief.patients.PainPicture;
import org.relief.platform.RedFlag;
import org.relief.review.summary.PreVisitSummary.Changes;
import org.relief.review.summary.PreVisitSummary.Medications;
import org.relief.review.summary.PreVisitSummary.ProcedureMark;
import org.relief.review.summary.PreVisitSummary.ScoreChange;
import org.relief.review.summary.PreVisitSummary.Series;

/**
 * The pre-visit summary on one US Letter page (OpenPDF): header, red flags, the drawn timeline with
 * its numbered procedures, then the pain picture and what changed beside the medications.
 *
 * <p>Design note: the page must stay one page however long the history is. Each list has a limit;
 * the document is laid out with generous limits first and, if it runs onto a second page, again
 * with smaller ones, each cut list saying how many items it left out and where to see them. Text
 * uses the standard Helvetica fonts (no font files to ship); characters outside their Windows-1252
 * encoding are written as plain equivalents ("->" for an arrow) or "?".
 */
@org.springframework.stereotype.Component
final class SummaryPdf {

  private static final Color INK = TimelineDrawing.INK;
  private static final Color MUTED = TimelineDrawing.MUTED;
  private static final Color ALERT = TimelineDrawing.ALERT;
  private static final Color BRAND = TimelineDrawing.BRAND;
  private static final Color FLAG_WASH = new Color(0xfb, 0xee, 0xee);
  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
  private static final DateTimeFormatter PRINTED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  /** How many of each list a layout shows. */
  private record Limits(
      int flags, int procedures, int medications, int changes, int treatments, int expectations) {}

  private static final List<Limits> TRIES =
      List.of(
          new Limits(6, 16, 10, 10, 4, 6),
          new Limits(4, 12, 8, 8, 3, 4),
          new Limits(3, 8, 6, 6, 2, 3),
          new Limits(2, 6, 4, 4, 1, 2));

  private final BaseFont regular;
  private final BaseFont bold;
  private final BaseFont oblique;

  SummaryPdf() {
    try {
      regular = BaseFont.createFont(BaseFont.HELVETICA, BaseFont.WINANSI, false);
      bold = BaseFont.createFont(BaseFont.HELVETICA_BOLD, BaseFont.WINANSI, false);
      oblique = BaseFont.createFont(BaseFont.HELVETICA_OBLIQUE, BaseFont.WINANSI, false);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The summary as PDF bytes, one page. */
  byte[] render(PreVisitSummary summary, String practiceName, java.time.ZonedDateTime printedAt) {
    byte[] pdf = null;
    for (Limits limits : TRIES) {
      Rendered rendered = render(summary, practiceName, printedAt, limits);
      pdf = rendered.bytes();
      if (rendered.pages() == 1) {
        return pdf;
      }
    }
    return pdf;
  }

  private record Rendered(byte[] bytes, int pages) {}

  private Rendered render(
      PreVisitSummary s, String practiceName, java.time.ZonedDateTime printedAt, Limits limits) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Document document = new Document(PageSize.LETTER, 30, 30, 28, 34);
    PdfWriter writer = PdfWriter.getInstance(document, out);
    int[] pages = {0};
    writer.setPageEvent(
        new PdfPageEventHelper() {
          @Override
          public void onEndPage(PdfWriter w, Document d) {
            pages[0]++;
            PdfContentByte cb = w.getDirectContent();
            cb.beginText();
            cb.setFontAndSize(regular, 6.5f);
            cb.setColorFill(MUTED);
            cb.showTextAligned(
                PdfContentByte.ALIGN_LEFT,
                printable(
                    practiceName
                        + " · printed "
                        + printedAt.format(PRINTED)
                        + " · Relief supports clinicians' decisions; it does not make them."
                        + (s.patient().synthetic() ? " · SYNTHETIC DEMO DATA" : "")),
                d.left(),
                d.bottom() - 14,
                0);
            cb.showTextAligned(
                PdfContentByte.ALIGN_RIGHT,
                "MRN " + printable(s.patient().mrn()) + " · page " + pages[0],
                d.right(),
                d.bottom() - 14,
                0);
            cb.endText();
          }
        });
    document.addTitle("Pre-visit summary");
    document.addCreator("Relief");
    document.open();

    header(document, s);
    redFlags(document, s, limits);
    timeline(document, writer, s, limits);
    columns(document, s, limits);

    document.close();
    return new Rendered(out.toByteArray(), pages[0]);
  }

  private void header(Document document, PreVisitSummary s) {
    PdfPTable table = new PdfPTable(new float[] {3, 2});
    table.setWidthPercentage(100);
    PdfPCell left = cell();
    Paragraph title = new Paragraph();
    title.add(new Chunk("Pre-visit summary  ", font(bold, 15, BRAND)));
    title.add(new Chunk(printable(s.patient().displayName()), font(bold, 12, INK)));
    left.addElement(title);
    left.addElement(
        line(
            s.patient().sex().label()
                + ", "
                + s.age()
                + " years · born "
                + s.patient().birthDate()
                + " · MRN "
                + s.patient().mrn(),
            regular,
            8.5f,
            INK));
    table.addCell(left);
    PdfPCell right = cell();
    right.setHorizontalAlignment(Element.ALIGN_RIGHT);
    Paragraph day = new Paragraph("Summary of " + s.today(), font(bold, 9, INK));
    day.setAlignment(Element.ALIGN_RIGHT);
    right.addElement(day);
    if (s.patient().synthetic()) {
      Paragraph synthetic =
          new Paragraph("Synthetic demo patient, not a real person", font(bold, 7.5f, ALERT));
      synthetic.setAlignment(Element.ALIGN_RIGHT);
      right.addElement(synthetic);
    }
    table.addCell(right);
    table.setSpacingAfter(4);
    document.add(table);
  }

  private void redFlags(Document document, PreVisitSummary s, Limits limits) {
    PdfPTable box = new PdfPTable(1);
    box.setWidthPercentage(100);
    PdfPCell cell = new PdfPCell();
    cell.setBorder(Rectangle.LEFT);
    cell.setBorderWidthLeft(3);
    cell.setBorderColorLeft(ALERT);
    cell.setBackgroundColor(FLAG_WASH);
    cell.setPadding(5);
    cell.setPaddingTop(2);
    cell.addElement(
        line(
            "Red flags ("
                + s.redFlags().size()
                + ")"
                + (s.redFlags().isEmpty() ? ": none found" : ""),
            bold,
            9.5f,
            s.redFlags().isEmpty() ? INK : ALERT));
    List<RedFlag> flags = s.redFlags();
    for (RedFlag f : flags.subList(0, Math.min(flags.size(), limits.flags()))) {
      Paragraph p = new Paragraph();
      p.setLeading(9.5f);
      p.add(new Chunk(printable(f.title()) + ". ", font(bold, 7.5f, INK)));
      p.add(new Chunk(printable(f.detail()), font(regular, 7.5f, INK)));
      p.add(new Chunk("  " + printable(f.source()), font(oblique, 6.5f, MUTED)));
      cell.addElement(p);
    }
    if (flags.size() > limits.flags()) {
      cell.addElement(
          line(
              "… and " + (flags.size() - limits.flags()) + " more: see the summary in Relief.",
              oblique,
              7,
              MUTED));
    }
    Paragraph checks =
        new Paragraph(
            printable("Checked: " + String.join("; ", s.checks()) + "."),
            font(oblique, 6.5f, MUTED));
    checks.setLeading(8);
    cell.addElement(checks);
    box.addCell(cell);
    box.setSpacingAfter(5);
    document.add(box);
  }

  private void timeline(Document document, PdfWriter writer, PreVisitSummary s, Limits limits) {
    document.add(heading("Scores, opioid dose and procedures over time"));
    TimelineDrawing drawing = new TimelineDrawing(s, regular, bold);
    if (!drawing.hasData()) {
      document.add(line("No scores, procedures or opioids recorded yet.", oblique, 8, MUTED));
      return;
    }
    float width = document.right() - document.left();
    float height = s.series().size() + (s.medications().opioidsEverTaken() ? 1 : 0) > 2 ? 215 : 150;
    PdfTemplate template = writer.getDirectContent().createTemplate(width, height);
    drawing.draw(template, width, height);
    Image image = Image.getInstance(template);
    image.setSpacingAfter(2);
    document.add(image);

    List<ProcedureMark> marks = s.procedures();
    if (marks.isEmpty()) {
      document.add(line("No procedures recorded.", oblique, 7.5f, MUTED));
      return;
    }
    int shown = Math.min(marks.size(), limits.procedures());
    List<ProcedureMark> latest = marks.subList(marks.size() - shown, marks.size());
    PdfPTable legend = new PdfPTable(2);
    legend.setWidthPercentage(100);
    int rows = (shown + 1) / 2;
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < 2; c++) {
        int i = c * rows + r;
        PdfPCell cell = cell();
        cell.setPaddingBottom(0.5f);
        cell.setPaddingRight(c == 0 ? 10 : 0);
        if (i < latest.size()) {
          ProcedureMark m = latest.get(i);
          Paragraph p = new Paragraph();
          p.setLeading(8.5f);
          p.add(new Chunk(m.number() + "  ", font(bold, 7, BRAND)));
          p.add(new Chunk(m.date() + "  ", font(regular, 7, MUTED)));
          p.add(new Chunk(printable(m.label()), font(regular, 7, INK)));
          if (!m.nrsText().isEmpty()) {
            p.add(
                new Chunk(
                    "  " + printable(m.nrsText()).replace(' ', '\u00a0'), font(regular, 7, MUTED)));
          }
          cell.addElement(p);
        }
        legend.addCell(cell);
      }
    }
    legend.setSpacingAfter(1);
    document.add(legend);
    if (shown < marks.size()) {
      document.add(
          line(
              "Procedures 1–"
                  + (marks.size() - shown)
                  + " are marked on the chart; the summary in Relief lists them all.",
              oblique,
              6.5f,
              MUTED));
    }
  }

  private void columns(Document document, PreVisitSummary s, Limits limits) {
    PdfPTable table = new PdfPTable(new float[] {1, 1});
    table.setWidthPercentage(100);
    table.setSpacingBefore(5);
    PdfPCell left = cell();
    left.setPaddingRight(8);
    pain(left, s.pain(), limits);
    changes(left, s.changes(), s.series(), limits);
    expectations(left, s.expectations(), limits);
    PdfPCell right = cell();
    right.setPaddingLeft(8);
    medications(right, s.medications(), limits);
    table.addCell(left);
    table.addCell(right);
    document.add(table);
  }

  private void pain(PdfPCell cell, PainPicture pain, Limits limits) {
    cell.addElement(heading("Pain history and body map"));
    if (!pain.historyRecorded()) {
      cell.addElement(line("No pain history recorded yet.", oblique, 7.5f, MUTED));
    } else {
      cell.addElement(fact("Onset", pain.onset() == null ? "Not recorded" : pain.onset()));
      cell.addElement(
          fact("How it began", pain.mechanism() == null ? "Not recorded" : pain.mechanism()));
      cell.addElement(fact("Character", pain.character()));
      cell.addElement(fact("Worse with", pain.worseWith()));
      cell.addElement(fact("Better with", pain.betterWith()));
    }
    String where =
        !pain.bodyMapRecorded()
            ? "No body map recorded yet."
            : pain.regions().isEmpty()
                ? "No regions chosen."
                : String.join(
                    ", ",
                    pain.regions().stream().map(r -> r.label() + " (" + r.view() + ")").toList());
    cell.addElement(fact("Where it hurts", where));
    List<PainPicture.Treatment> treatments = pain.treatments();
    for (PainPicture.Treatment t :
        treatments.subList(0, Math.min(treatments.size(), limits.treatments()))) {
      cell.addElement(
          fact(
              "Tried",
              t.type()
                  + (t.description() == null ? "" : ": " + t.description())
                  + " ("
                  + t.period()
                  + ") — "
                  + (t.effect() == null ? "effect not known" : t.effect())));
    }
    if (treatments.size() > limits.treatments()) {
      cell.addElement(
          line(
              "… and " + (treatments.size() - limits.treatments()) + " more prior treatments.",
              oblique,
              6.5f,
              MUTED));
    }
  }

  private void changes(PdfPCell cell, Changes c, List<Series> series, Limits limits) {
    Paragraph h = heading("What changed since " + c.since());
    h.setSpacingBefore(5);
    cell.addElement(h);
    cell.addElement(
        line("Counted after " + c.since() + ": " + c.sinceReason() + ".", oblique, 6.5f, MUTED));
    if (c.none()) {
      cell.addElement(line("Nothing new.", regular, 7.5f, INK));
      return;
    }
    int budget = limits.changes();
    List<ScoreChange> scores = c.scores();
    int cut = Math.max(0, scores.size() - budget);
    for (ScoreChange x : scores.subList(cut, scores.size())) {
      cell.addElement(fact(x.label(), x.result() + " on " + x.date() + " (" + x.change() + ")"));
    }
    if (cut > 0) {
      cell.addElement(line("… and " + cut + " earlier results.", oblique, 6.5f, MUTED));
    }
    for (MedicationCourse m : c.started()) {
      cell.addElement(
          fact(
              "Started",
              m.drug() + " " + m.doseText() + ", " + m.schedule() + " on " + m.startDate()));
    }
    for (MedicationCourse m : c.stopped()) {
      cell.addElement(fact("Stopped", m.drug() + " on " + m.stopDate()));
    }
    for (ProcedureMark p : c.procedures()) {
      cell.addElement(
          fact(
              "Procedure " + p.number(),
              p.label() + " on " + p.date() + (p.nrsText().isEmpty() ? "" : ", " + p.nrsText())));
    }
  }

  private void expectations(PdfPCell cell, List<ReliefComparison> list, Limits limits) {
    if (list.isEmpty()) {
      return;
    }
    Paragraph h = heading("Expected relief against achieved");
    h.setSpacingBefore(5);
    cell.addElement(h);
    int shown = Math.min(list.size(), limits.expectations());
    for (ReliefComparison c : list.subList(0, shown)) {
      cell.addElement(fact(c.verdict().label(), c.line()));
    }
    if (list.size() > shown) {
      cell.addElement(
          line("… and " + (list.size() - shown) + " earlier procedures.", oblique, 6.5f, MUTED));
    }
  }

  private void medications(PdfPCell cell, Medications m, Limits limits) {
    cell.addElement(heading("Medications"));
    cell.addElement(
        fact(
            "MME today",
            m.totalMme() == null
                ? "no opioid taken today"
                : Scores.mme(m.totalMme()) + " (CDC 2022 total of current opioids)"));
    if (m.opioidsEverTaken()) {
      StringBuilder trend = new StringBuilder();
      List<PreVisitSummary.MmeStep> steps = m.trend();
      int from = Math.max(0, steps.size() - 6);
      if (from > 0) {
        trend.append("… ");
      }
      for (PreVisitSummary.MmeStep step : steps.subList(from, steps.size())) {
        trend
            .append(step.from())
            .append(": ")
            .append(step.mme().stripTrailingZeros().toPlainString())
            .append("; ");
      }
      cell.addElement(fact("MME/day from", trend.substring(0, trend.length() - 2)));
    }
    String bleeding =
        m.bleedingRisk().isEmpty()
            ? "none taken today"
            : String.join(
                "; ",
                m.bleedingRisk().stream()
                    .map(
                        b ->
                            b.drug()
                                + " "
                                + b.doseText()
                                + " "
                                + b.schedule()
                                + " — "
                                + b.drugClass().drugClass().label()
                                + (b.drugClass().provenance().confirmed()
                                    ? ""
                                    : " (" + b.drugClass().provenance().note() + ")"))
                    .toList());
    cell.addElement(fact("Anticoagulants, antiplatelets, NSAIDs", bleeding));

    Paragraph current = new Paragraph("Current", font(bold, 7.5f, INK));
    current.setSpacingBefore(3);
    cell.addElement(current);
    if (m.current().isEmpty()) {
      cell.addElement(line("No current medications recorded.", oblique, 7.5f, MUTED));
      return;
    }
    PdfPTable table = new PdfPTable(new float[] {3, 4, 2.2f, 1.6f});
    table.setWidthPercentage(100);
    for (String h : new String[] {"Drug", "Dose", "Since", "MME/day"}) {
      PdfPCell c = new PdfPCell(new Phrase(h, font(bold, 6.5f, MUTED)));
      c.setBorder(Rectangle.BOTTOM);
      c.setBorderColor(new Color(0xd6, 0xdc, 0xe4));
      c.setPaddingBottom(2);
      table.addCell(c);
    }
    List<MedicationCourse> list = m.current();
    for (MedicationCourse c : list.subList(0, Math.min(list.size(), limits.medications()))) {
      table.addCell(small(c.drug()));
      table.addCell(small(c.doseText() + ", " + c.schedule()));
      table.addCell(small(c.startDate().toString()));
      table.addCell(
          small(
              c.opioid()
                  ? (c.mme().counted() ? c.mme().mme().toPlainString() : "not counted")
                  : ""));
    }
    cell.addElement(table);
    if (list.size() > limits.medications()) {
      cell.addElement(
          line(
              "… and " + (list.size() - limits.medications()) + " more current medications.",
              oblique,
              6.5f,
              MUTED));
    }
  }

  private PdfPCell small(String text) {
    PdfPCell c = new PdfPCell(new Phrase(printable(text), font(regular, 7, INK)));
    c.setBorder(Rectangle.BOTTOM);
    c.setBorderColor(new Color(0xee, 0xf1, 0xf4));
    c.setPaddingTop(1.5f);
    c.setPaddingBottom(2.5f);
    return c;
  }

  private Paragraph heading(String text) {
    Paragraph p = new Paragraph(printable(text), font(bold, 9, BRAND));
    p.setSpacingAfter(1);
    return p;
  }

  private Paragraph fact(String label, String value) {
    Paragraph p = new Paragraph();
    p.setLeading(9);
    p.add(new Chunk(printable(label) + ": ", font(bold, 7.5f, INK)));
    p.add(new Chunk(printable(value), font(regular, 7.5f, INK)));
    return p;
  }

  private Paragraph line(String text, BaseFont base, float size, Color color) {
    Paragraph p = new Paragraph(printable(text), font(base, size, color));
    p.setLeading(size + 2);
    return p;
  }

  private static Font font(BaseFont base, float size, Color color) {
    return new Font(base, size, Font.NORMAL, color);
  }

  private static PdfPCell cell() {
    PdfPCell cell = new PdfPCell();
    cell.setBorder(Rectangle.NO_BORDER);
    cell.setPadding(0);
    return cell;
  }

  /** Text the standard PDF fonts can show: Windows-1252, with common symbols spelled out. */
  static String printable(String text) {
    if (text == null) {
      return "";
    }
    String plain = text.replace("→", "->").replace("≥", ">=").replace("≤", "<=").replace("−", "-");
    CharsetEncoder encoder = WINDOWS_1252.newEncoder();
    StringBuilder out = new StringBuilder(plain.length());
    plain
        .codePoints()
        .forEach(
            cp -> {
              String ch = new String(Character.toChars(cp));
              out.append(encoder.canEncode(ch) ? ch : "?");
            });
    return out.toString();
  }
}
