package org.relief.outcomes.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsvTest {

  @Test
  void quotesCellsWithCommasQuotesAndLineBreaks() {
    assertThat(Csv.line(new String[] {"level", "L4–L5, L5–S1", "Dr \"Sam\" Lee", "a\nb"}))
        .isEqualTo("level,\"L4–L5, L5–S1\",\"Dr \"\"Sam\"\" Lee\",\"a\nb\"");
  }

  @Test
  void neutralisesCellsASpreadsheetWouldRunAsAFormula() {
    assertThat(Csv.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
    assertThat(Csv.cell("+1")).isEqualTo("'+1");
    assertThat(Csv.cell("-2")).isEqualTo("'-2");
    assertThat(Csv.cell("@SUM")).isEqualTo("'@SUM");
    assertThat(Csv.cell("0.6250")).isEqualTo("0.6250");
  }
}
