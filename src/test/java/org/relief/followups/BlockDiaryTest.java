package org.relief.followups;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.relief.followups.BlockDiary.MedialBranchPair;

/** Peak, duration and the §4a criterion worked out from diary entries. */
class BlockDiaryTest {

  private static BlockDiary diary(Map<Integer, Integer> entries, Integer expectedMinutes) {
    return BlockDiary.of(
        1,
        2,
        "lumbar-mbb",
        List.of("L4–L5"),
        "right",
        LocalDate.of(2026, 11, 2),
        entries,
        expectedMinutes == null ? null : "lidocaine",
        expectedMinutes,
        false);
  }

  @Test
  void findsThePeakAfterTheBlockAndHowLongReliefStayedAtEightyPercent() {
    BlockDiary d = diary(Map.of(0, 0, 15, 60, 30, 90, 60, 85, 120, 80, 240, 40, 360, 85), 60);

    assertThat(d.peakRelief()).isEqualTo(90);
    assertThat(d.peakAtMinutes()).isEqualTo(30);
    assertThat(d.reliefAtCriterionUntilMinutes())
        .as("the first run at or above 80 % ends at 2 h; the late 85 % does not extend it")
        .isEqualTo(120);
    assertThat(d.reachedCriterion()).isTrue();
    assertThat(d.durationConsistent()).isTrue();
  }

  @Test
  void theBaselineIsNotReliefAndSeventyNinePercentDoesNotMeetTheCriterion() {
    BlockDiary d = diary(Map.of(0, 100, 15, 79, 30, 79), 60);

    assertThat(d.peakRelief()).isEqualTo(79);
    assertThat(d.reachedCriterion()).isFalse();
    assertThat(d.reliefAtCriterionUntilMinutes()).isNull();
    assertThat(d.durationConsistent()).isNull();
  }

  @Test
  void reliefShorterThanTheAnaestheticIsFlaggedAndWithoutAnAgentIsNotJudged() {
    assertThat(diary(Map.of(15, 80, 30, 90, 60, 50), 180).durationConsistent()).isFalse();
    assertThat(diary(Map.of(15, 80, 30, 90, 60, 50), null).durationConsistent()).isNull();
    assertThat(diary(Map.of(), 60).peakRelief()).isNull();
  }

  @Test
  void twoMedialBranchBlocksMeetTheCriterionOnlyWhenBothReachEightyPercent() {
    BlockDiary first = diary(Map.of(30, 80, 60, 80), 60);
    BlockDiary good = diary(Map.of(30, 95, 240, 90), 60);
    BlockDiary weak = diary(Map.of(30, 75), 60);

    assertThat(new MedialBranchPair("lumbar-mbb", List.of("L4–L5"), "right", first, good))
        .satisfies(p -> assertThat(p.bothReachedCriterion()).isTrue())
        .satisfies(p -> assertThat(p.bothConsistentWithAgent()).isTrue());
    assertThat(
            new MedialBranchPair("lumbar-mbb", List.of("L4–L5"), "right", first, weak)
                .bothReachedCriterion())
        .isFalse();
  }
}
