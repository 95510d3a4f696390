package org.relief.patients.diagnoses;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DiagnosisCatalogueTest {

  private final DiagnosisCatalogue catalogue = new DiagnosisCatalogue();

  @Test
  void findsCodesByPrefixWithOrWithoutTheDotInAnyCase() {
    assertThat(catalogue.search("M54.1"))
        .extracting(DiagnosisCode::code)
        .containsExactly("M54.12", "M54.13", "M54.14", "M54.15", "M54.16", "M54.17");
    assertThat(catalogue.search("m5416")).extracting(DiagnosisCode::code).containsExactly("M54.16");
    assertThat(catalogue.search(" g89.4 "))
        .extracting(DiagnosisCode::code)
        .containsExactly("G89.4");
  }

  @Test
  void findsCodesByWordPrefixesInAnyOrder() {
    assertThat(catalogue.search("lumb radic"))
        .extracting(DiagnosisCode::code)
        .startsWith("M54.16", "M54.17", "M51.16", "M51.17")
        .doesNotContain("M54.12", "M54.2");
    assertThat(catalogue.search("radiculopathy lumbar"))
        .extracting(DiagnosisCode::code)
        .contains("M54.16", "M51.16", "M47.26")
        .doesNotContain("M54.12");
    assertThat(catalogue.search("CRPS right leg"))
        .extracting(DiagnosisCode::code)
        .containsExactly("G90.521", "G57.71");
  }

  @Test
  void findsCodesBySynonymsClinciansUse() {
    assertThat(catalogue.search("failed back"))
        .extracting(DiagnosisCode::code)
        .containsExactly("M96.1");
    assertThat(catalogue.search("facet lumbar"))
        .extracting(DiagnosisCode::code)
        .containsExactly("M47.816");
    assertThat(catalogue.search("SI joint"))
        .extracting(DiagnosisCode::code)
        .containsExactly("M46.1");
    assertThat(catalogue.search("c5-c6"))
        .extracting(DiagnosisCode::code)
        .containsExactly("M50.122");
  }

  @Test
  void emptyOrUnmatchedQueriesFindNothing() {
    assertThat(catalogue.search(null)).isEmpty();
    assertThat(catalogue.search("  ")).isEmpty();
    assertThat(catalogue.search("Z99.9")).isEmpty();
    assertThat(catalogue.search("migraine")).isEmpty();
    assertThat(catalogue.search("--")).isEmpty();
  }

  @Test
  void longListsAreCutAtTheSearchLimit() {
    assertThat(catalogue.search("r")).hasSize(DiagnosisCatalogue.SEARCH_LIMIT);
  }

  @Test
  void findsAnExactCodeAsTypedAndNothingElse() {
    assertThat(catalogue.find("m54.50")).map(DiagnosisCode::code).hasValue("M54.50");
    assertThat(catalogue.find("M5450")).map(DiagnosisCode::code).hasValue("M54.50");
    assertThat(catalogue.find("M54.5")).isEmpty();
    assertThat(catalogue.find("X00.0")).isEmpty();
  }

  @Test
  void everyCodeOfTheSubsetIsUnconfirmedAsTheReferenceMarksItU() {
    assertThat(catalogue.all()).hasSizeGreaterThan(50);
    assertThat(catalogue.all())
        .allSatisfy(
            c -> {
              assertThat(c.confirmed()).isFalse();
              assertThat(c.provenance().note()).isEqualTo("unconfirmed — confirm locally");
              assertThat(c.provenance().source())
                  .isIn("clinical-rules.md §5b", DiagnosisCatalogue.COMORBIDITY_SOURCE);
            });
    assertThat(catalogue.all()).extracting(DiagnosisCode::code).doesNotHaveDuplicates();
  }
}
