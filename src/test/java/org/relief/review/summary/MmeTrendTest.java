package org.relief.review.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.relief.patients.DrugClass;
import org.relief.patients.DrugClassification;
import org.relief.patients.MedicationCourse;
import org.relief.patients.MedicationMme;
import org.relief.patients.Provenance;
import org.relief.review.summary.PreVisitSummary.MmeStep;

class MmeTrendTest {

  private static final Provenance SOURCE = Provenance.of("clinical-rules.md §2a", "P");

  private static MedicationCourse opioid(long id, String mme, String from, String to) {
    return new MedicationCourse(
        id,
        "oxycodone",
        BigDecimal.TEN,
        "mg",
        "twice a day",
        LocalDate.parse(from),
        to == null ? null : LocalDate.parse(to),
        new MedicationMme(
            "oxycodone",
            BigDecimal.TEN,
            "mg/day",
            new BigDecimal("1.5"),
            new BigDecimal(mme),
            true,
            SOURCE),
        new DrugClassification("oxycodone", DrugClass.NOT_KNOWN, null, SOURCE));
  }

  @Test
  void totalsOverlappingOpioidsFromEachDayOneStartsOrStops() {
    List<MmeStep> trend =
        PreVisitSummaries.trend(
            List.of(
                opioid(1, "30.0", "2024-01-01", "2024-06-01"),
                opioid(2, "20.0", "2024-03-01", null),
                opioid(3, "15.0", "2024-06-01", "2024-09-01")));

    assertThat(trend)
        .extracting(s -> s.from().toString(), s -> s.mme().stripTrailingZeros().toPlainString())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("2024-01-01", "30"),
            org.assertj.core.groups.Tuple.tuple("2024-03-01", "50"),
            org.assertj.core.groups.Tuple.tuple("2024-06-01", "35"),
            org.assertj.core.groups.Tuple.tuple("2024-09-01", "20"));
    assertThat(PreVisitSummaries.mmeOn(trend, LocalDate.parse("2023-12-31"))).isEmpty();
    assertThat(PreVisitSummaries.mmeOn(trend, LocalDate.parse("2024-05-31"))).isEqualTo("50");
    assertThat(PreVisitSummaries.mmeOn(trend, LocalDate.parse("2025-01-01"))).isEqualTo("20");
  }

  @Test
  void aSwitchOnTheSameDayAtTheSameDoseIsNoStep() {
    List<MmeStep> trend =
        PreVisitSummaries.trend(
            List.of(
                opioid(1, "30.0", "2024-01-01", "2024-06-01"),
                opioid(2, "30.0", "2024-06-01", null)));

    assertThat(trend).hasSize(1);
  }

  @Test
  void worseningThresholdsMustBePositive() {
    assertThatThrownBy(() -> new SummarySettings(0, 10, 10, List.of()))
        .hasMessageContaining("positive");
    assertThat(new SummarySettings(2, 10, 10, null).confirmed("nrs")).isFalse();
    assertThat(new SummarySettings(2, 10, 10, List.of("nrs-worsening")).confirmed("nrs")).isTrue();
  }
}
