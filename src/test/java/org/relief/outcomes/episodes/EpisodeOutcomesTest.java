package org.relief.outcomes.episodes;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.relief.outcomes.episodes.EpisodeOutcome.MmeComparison;
import org.relief.outcomes.episodes.EpisodeOutcome.Point;
import org.relief.outcomes.episodes.EpisodeOutcome.ReliefDuration;
import org.relief.patients.MedicationCourse;
import org.relief.patients.MedicationMme;
import org.relief.patients.Provenance;

class EpisodeOutcomesTest {

  private static final LocalDate PERFORMED = LocalDate.of(2026, 3, 1);
  private static final BigDecimal TEN = BigDecimal.TEN;

  private static Episode episode(String nrs, String odi, String ndi) {
    return new Episode(
        1,
        2,
        "lumbar-rfa",
        List.of("L4–L5"),
        "right",
        3,
        null,
        null,
        PERFORMED,
        nrs == null ? null : new BigDecimal(nrs),
        odi == null ? null : new BigDecimal(odi),
        ndi == null ? null : new BigDecimal(ndi),
        false);
  }

  private static Measure answered(String tp, String nrs, Boolean r50) {
    return new Measure(
        1,
        1,
        Timepoint.parse(tp, "timepoint"),
        "ANSWERED",
        null,
        PERFORMED.plusDays(30),
        nrs == null ? null : new BigDecimal(nrs),
        new BigDecimal("40"),
        new BigDecimal("30"),
        2,
        true,
        r50,
        r50);
  }

  private static Measure missed(String tp) {
    return new Measure(
        1,
        1,
        Timepoint.parse(tp, "timepoint"),
        "MISSED",
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  @Test
  void nrsReductionIsAgainstThePreProcedureBaselineToOneDecimal() {
    Point p = EpisodeOutcomes.point(episode("7", null, null), answered("P3M", "3", true), TEN, TEN);
    assertThat(p.nrsReductionPercent()).isEqualByComparingTo("57.1");
    Point worse =
        EpisodeOutcomes.point(episode("4", null, null), answered("P3M", "5", false), TEN, TEN);
    assertThat(worse.nrsReductionPercent()).isEqualByComparingTo("-25.0");
  }

  @Test
  void noReductionWithoutABaselineAboveZero() {
    assertThat(
            EpisodeOutcomes.point(episode("0", null, null), answered("P3M", "0", null), TEN, TEN)
                .nrsReductionPercent())
        .isNull();
    assertThat(
            EpisodeOutcomes.point(episode(null, null, null), answered("P3M", "3", null), TEN, TEN)
                .nrsReductionPercent())
        .isNull();
  }

  @Test
  void odiChangeMeetsTheMcidByTenPointsOrThirtyPercentOfBaseline() {
    // clinical-rules.md §3.1: 50 → 40 is 10 points (MCID); 28 → 40 would be worse
    Point tenPoints =
        EpisodeOutcomes.point(episode("8", "50", null), answered("P3M", "4", true), TEN, TEN);
    assertThat(tenPoints.odiImprovement()).isEqualByComparingTo("10");
    assertThat(tenPoints.odiMcidMet()).isTrue();
    // 48 → 40 is 8 points and 16.7 %: not met
    Point eight =
        EpisodeOutcomes.point(episode("8", "48", null), answered("P3M", "4", true), TEN, TEN);
    assertThat(eight.odiMcidMet()).isFalse();
    // a low baseline: 20 → 14 is 6 points but 30 %
    Measure lowOdi =
        new Measure(
            1,
            1,
            Timepoint.parse("P3M", "timepoint"),
            "ANSWERED",
            null,
            null,
            new BigDecimal("4"),
            new BigDecimal("14"),
            null,
            null,
            null,
            true,
            true);
    assertThat(EpisodeOutcomes.point(episode("8", "20", null), lowOdi, TEN, TEN).odiMcidMet())
        .isTrue();
  }

  @Test
  void ndiChangeMeetsTheConfiguredMcidInPercentagePoints() {
    Point met =
        EpisodeOutcomes.point(episode("8", null, "40"), answered("P3M", "4", true), TEN, TEN);
    assertThat(met.ndiImprovement()).isEqualByComparingTo("10");
    assertThat(met.ndiMcidMet()).isTrue();
    Point notMet =
        EpisodeOutcomes.point(
            episode("8", null, "40"), answered("P3M", "4", true), TEN, new BigDecimal("12"));
    assertThat(notMet.ndiMcidMet()).isFalse();
  }

  @Test
  void reliefDurationIsTheRangeBetweenTheLastHeldAndTheFirstLostTimePoint() {
    ReliefDuration d =
        EpisodeOutcomes.reliefDuration(
            List.of(
                answered("P2W", "2", true),
                missed("P6W"),
                answered("P3M", "3", true),
                answered("P6M", "6", false),
                answered("P12M", "2", true)));
    assertThat(d.heldThrough().code()).isEqualTo("P3M");
    assertThat(d.lostBy().code()).isEqualTo("P6M");
    assertThat(d.describe()).isEqualTo("At least 3 months, gone by 6 months.");
  }

  @Test
  void reliefDurationSaysWhenItWasNeverReachedOrNotYetLost() {
    assertThat(
            EpisodeOutcomes.reliefDuration(
                    List.of(answered("P2W", "6", false), answered("P3M", "2", true)))
                .describe())
        .isEqualTo("Not reached at the first judged follow-up (2 weeks).");
    assertThat(
            EpisodeOutcomes.reliefDuration(List.of(answered("P2W", "2", true), missed("P3M")))
                .describe())
        .isEqualTo("At least 2 weeks (still ≥ 50 % at the last answer).");
    assertThat(EpisodeOutcomes.reliefDuration(List.of(missed("P3M"))).known()).isFalse();
  }

  private static MedicationCourse opioid(String mme, LocalDate start, LocalDate stop) {
    return new MedicationCourse(
        1,
        "oxycodone",
        BigDecimal.ONE,
        "mg",
        "2 times a day",
        start,
        stop,
        new MedicationMme(
            "oxycodone",
            BigDecimal.ONE,
            "mg/day",
            new BigDecimal("1.5"),
            new BigDecimal(mme),
            true,
            Provenance.of("clinical-rules.md §2a", "P")),
        null);
  }

  @Test
  void mmeIsAveragedOverTheDaysBeforeAndAfterFromTheListsDates() {
    // 30 MME/day until 30 days after the procedure (stop date = first day not taken), then 15
    var courses =
        List.of(
            opioid("30", PERFORMED.minusYears(1), PERFORMED.plusDays(31)),
            opioid("15", PERFORMED.plusDays(31), null));
    MmeComparison m = EpisodeOutcomes.mme(courses, PERFORMED, 90, PERFORMED.plusDays(200));
    assertThat(m.before()).isEqualByComparingTo("30.0");
    // days 1..30 at 30, days 31..90 at 15: (900 + 900) / 90 = 20
    assertThat(m.after()).isEqualByComparingTo("20.0");
    assertThat(m.complete()).isTrue();
  }

  @Test
  void mmeAfterCountsOnlyTheDaysThatHavePassed() {
    var courses = List.of(opioid("30", PERFORMED.minusDays(45), null));
    MmeComparison m = EpisodeOutcomes.mme(courses, PERFORMED, 90, PERFORMED.plusDays(10));
    assertThat(m.before()).as("45 of 90 days at 30").isEqualByComparingTo("15.0");
    assertThat(m.after()).isEqualByComparingTo("30.0");
    assertThat(m.daysAfterSoFar()).isEqualTo(10);
    assertThat(m.complete()).isFalse();
    assertThat(EpisodeOutcomes.mme(courses, PERFORMED, 90, PERFORMED).after()).isNull();
  }
}
