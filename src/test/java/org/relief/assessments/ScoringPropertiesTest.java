package org.relief.assessments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.relief.platform.RuleViolation;

/** For every instrument: any valid answers score within range; any out-of-range one is refused. */
class ScoringPropertiesTest {

  private static final Instruments INSTRUMENTS = new Instruments(AssessmentSettings.defaults());

  record Case(Instrument instrument, Map<String, Object> answers, Sex sex) {
    ScoringContext context() {
      return ScoringContext.of(sex);
    }

    @Override
    public String toString() {
      return instrument.code() + " " + answers + " " + sex;
    }
  }

  @Provide
  Arbitrary<Case> completeAnswers() {
    return Arbitraries.of(INSTRUMENTS.definitions()).flatMap(i -> answers(i, false));
  }

  @Provide
  Arbitrary<Case> answersWithGaps() {
    return Arbitraries.of(INSTRUMENTS.definitions()).flatMap(i -> answers(i, true));
  }

  private static Arbitrary<Case> answers(Instrument instrument, boolean gaps) {
    List<Arbitrary<Integer>> values =
        instrument.items().stream()
            .map(
                item -> {
                  Arbitrary<Integer> value = Arbitraries.integers().between(item.min(), item.max());
                  return gaps ? value.injectNull(0.2) : value;
                })
            .toList();
    return Combinators.combine(
            Combinators.combine(values).as(list -> list), Arbitraries.of(Sex.values()))
        .as(
            (list, sex) -> {
              Map<String, Object> answers = new LinkedHashMap<>();
              for (int k = 0; k < list.size(); k++) {
                if (list.get(k) != null) {
                  answers.put(instrument.items().get(k).key(), list.get(k));
                }
              }
              return new Case(instrument, answers, sex);
            });
  }

  @Property
  void completeValidAnswersAlwaysScoreWithinTheInstrumentsRange(@ForAll("completeAnswers") Case c) {
    Statistics.collect(c.instrument().code());
    Score score = INSTRUMENTS.score(c.instrument().code(), c.answers(), c.context());
    assertThat(score.score())
        .isNotNull()
        .isBetween(c.instrument().minScore(), c.instrument().maxScore());
    assertThat(score.subscores().values())
        .allSatisfy(v -> assertThat(v).isBetween(0.0, c.instrument().maxScore()));
    assertThat(score.answered())
        .isEqualTo(c.instrument().items().stream().filter(Item::scored).count());
  }

  @Property
  void answersWithGapsScoreWithinRangeOrAreRefusedForMissingItems(
      @ForAll("answersWithGaps") Case c) {
    Score score;
    try {
      score = INSTRUMENTS.score(c.instrument().code(), c.answers(), c.context());
    } catch (InvalidAnswers refused) {
      assertThat(refused.code()).isEqualTo(InvalidAnswers.TOO_MANY_MISSING);
      return;
    }
    if (score.score() != null) {
      assertThat(score.score()).isBetween(c.instrument().minScore(), c.instrument().maxScore());
    }
  }

  @Provide
  Arbitrary<Case> phq9WithItemNinePositive() {
    return answers(INSTRUMENTS.definition("phq9"), true)
        .filter(c -> c.answers().get("9") instanceof Integer item9 && item9 >= 1);
  }

  @Property
  void phq9ItemNineAboveZeroAlwaysRaisesTheSafetyFlag(@ForAll("phq9WithItemNinePositive") Case c) {
    assertThat(
            INSTRUMENTS
                .score("phq9", c.answers(), c.context())
                .flagged("suicide-risk-assessment-needed"))
        .isTrue();
  }

  @Provide
  Arbitrary<Object[]> outOfRange() {
    return completeAnswers()
        .flatMap(
            c ->
                Arbitraries.of(c.instrument().items())
                    .flatMap(
                        item ->
                            Arbitraries.oneOf(
                                    Arbitraries.integers().lessOrEqual(item.min() - 1),
                                    Arbitraries.integers().greaterOrEqual(item.max() + 1))
                                .map(bad -> new Object[] {c, item, bad})));
  }

  @Property
  void anyOutOfRangeAnswerIsRefusedNamingTheItem(@ForAll("outOfRange") Object[] input) {
    Case c = (Case) input[0];
    Item item = (Item) input[1];
    int bad = (Integer) input[2];
    Map<String, Object> answers = new LinkedHashMap<>(c.answers());
    answers.put(item.key(), bad);
    assertThatThrownBy(() -> INSTRUMENTS.score(c.instrument().code(), answers, c.context()))
        .isInstanceOf(InvalidAnswers.class)
        .hasMessageContaining(" item " + item.key() + " ")
        .hasMessageContaining("got " + bad)
        .extracting(e -> ((RuleViolation) e).code())
        .isEqualTo(InvalidAnswers.OUT_OF_RANGE);
  }
}
