package org.relief.assessments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.relief.assessments.WorkedExamplesTest.items;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PromisPainInterferenceTest {

  private final Instruments instruments = new Instruments(AssessmentSettings.defaults());

  private Score score(String code, int... values) {
    return instruments.score(code, items(values), ScoringContext.none());
  }

  @Test
  void shortForm4aAllThreesIsRawTwelveAndT612() {
    // clinical-rules.md §3.14, last row: PROMIS PI 4a items 3,3,3,3 → raw 12 → T 61.2
    Score s = score("promis-pi-4a", 3, 3, 3, 3);
    assertThat(s.score()).isEqualTo(61.2);
    assertThat(s.subscores()).containsEntry("raw", 12.0).containsEntry("standardError", 1.8);
    assertThat(s.unconfirmed()).isEmpty();
  }

  @Test
  void shortForm4aEndsOfTheTable() {
    assertThat(score("promis-pi-4a", 1, 1, 1, 1).score()).isEqualTo(41.6);
    Score top = score("promis-pi-4a", 5, 5, 5, 5);
    assertThat(top.score()).isEqualTo(75.6);
    assertThat(top.unconfirmed()).singleElement().asString().contains("raw 20");
  }

  @Test
  void confirmingTheRawTwentyRowRemovesItsNote() {
    var settings =
        new AssessmentSettings(
            null, null, null, null, null, null, null, Set.of("promis-pi-4a-raw-20"));
    Score top =
        new Instruments(settings).score("promis-pi-4a", items(5, 5, 5, 5), ScoringContext.none());
    assertThat(top.unconfirmed()).isEmpty();
  }

  @Test
  void shortForm8aLooksUpEveryRawSumAndSaysItsTableIsUnconfirmed() {
    assertThat(score("promis-pi-8a", 1, 1, 1, 1, 1, 1, 1, 1).score()).isEqualTo(40.7);
    assertThat(score("promis-pi-8a", 3, 3, 3, 3, 3, 3, 3, 3).score()).isEqualTo(61.5);
    Score top = score("promis-pi-8a", 5, 5, 5, 5, 5, 5, 5, 5);
    assertThat(top.score()).isEqualTo(77.0);
    assertThat(top.unconfirmed()).singleElement().asString().contains("8a");
  }

  @Test
  void everyItemIsNeededBecauseTheTableNeedsTheFullSum() {
    Map<String, Object> three = items(3, 3, 3);
    assertThatThrownBy(() -> instruments.score("promis-pi-4a", three, ScoringContext.none()))
        .isInstanceOf(InvalidAnswers.class)
        .hasMessageContaining("4");
  }

  @Test
  void answersOutsideOneToFiveAreRefusedNamingTheItem() {
    assertThatThrownBy(() -> score("promis-pi-4a", 3, 0, 3, 3))
        .isInstanceOf(InvalidAnswers.class)
        .hasMessageContaining("item 2");
  }

  @Test
  void shortForm6aIsNotOfferedBecauseItsTableWasNotRecovered() {
    assertThat(instruments.definitions())
        .extracting(Instrument::code)
        .doesNotContain("promis-pi-6a")
        .contains("promis-pi-4a", "promis-pi-8a");
  }
}
