package org.relief.assessments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.relief.assessments.WorkedExamplesTest.answers;
import static org.relief.assessments.WorkedExamplesTest.items;
import static org.relief.assessments.WorkedExamplesTest.ortAbsent;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.relief.platform.NotFound;
import org.relief.platform.RuleViolation;

/** Missing items, refusals, flags and configurable (unconfirmed) rules of clinical-rules.md §3. */
class ScoringRulesTest {

  private final Instruments instruments = new Instruments(AssessmentSettings.defaults());

  private Score score(String code, Map<String, Object> answers) {
    return instruments.score(code, answers, ScoringContext.none());
  }

  private static Map<String, Object> without(Map<String, Object> answers, String... keys) {
    Map<String, Object> copy = new LinkedHashMap<>(answers);
    for (String key : keys) {
      copy.remove(key);
    }
    return copy;
  }

  @Test
  void listsTheFifteenInstrumentsOfTheLibrary() {
    assertThat(instruments.definitions())
        .extracting(Instrument::code)
        .containsExactly(
            "nrs",
            "peg",
            "bpi-sf",
            "odi",
            "ndi",
            "phq9",
            "gad7",
            "pcs",
            "ort",
            "ort-oud",
            "dn4",
            "startback",
            "pgic",
            "promis-pi-4a",
            "promis-pi-8a");
  }

  @Test
  void unknownInstrumentIsNotFound() {
    assertThatThrownBy(() -> score("sf36", items(1)))
        .isInstanceOf(UnknownInstrument.class)
        .isInstanceOf(NotFound.class)
        .hasMessageContaining("no instrument 'sf36'")
        .hasMessageContaining("odi");
  }

  @Test
  void outOfRangeAnswerIsRefusedNamingTheItem() {
    assertThatThrownBy(() -> score("odi", items(0, 0, 7, 0, 0, 0, 0, 0, 0, 0)))
        .isInstanceOf(InvalidAnswers.class)
        .isInstanceOf(RuleViolation.class)
        .hasMessage("ODI item 3 (Lifting) must be between 0 and 5; got 7.")
        .extracting(e -> ((RuleViolation) e).code())
        .isEqualTo("answer-out-of-range");
  }

  @Test
  void hugeAnswerIsRefusedAsOutOfRangeShowingTheValueSent() {
    assertThatThrownBy(() -> score("nrs", answers("1", new BigInteger("99999999999999999999"))))
        .hasMessage(
            "NRS-11 item 1 (Pain intensity (0 no pain – 10 worst imaginable)) must be between 0"
                + " and 10; got 99999999999999999999.");
  }

  @Test
  void fractionalOrTextAnswerIsRefusedAsNotAWholeNumber() {
    for (Object value : List.of(2.5, 2.0, "2", true)) {
      assertThatThrownBy(() -> score("peg", answers("1", 2, "2", value, "3", 2)))
          .as(String.valueOf(value))
          .isInstanceOf(InvalidAnswers.class)
          .hasMessageStartingWith("PEG item 2 must be a whole number from 0 to 10; got ")
          .extracting(e -> ((RuleViolation) e).code())
          .isEqualTo("answer-not-a-whole-number");
    }
  }

  @Test
  void unknownItemIsRefusedListingTheInstrumentsItems() {
    assertThatThrownBy(() -> score("gad7", items(0, 0, 0, 0, 0, 0, 0, 1)))
        .hasMessage("GAD-7 has no item \"8\"; its items are 1, 2, 3, 4, 5, 6, 7.")
        .extracting(e -> ((RuleViolation) e).code())
        .isEqualTo("unknown-item");
  }

  @Test
  void itemKeysIgnoreCaseAndSpaces() {
    Score bpi = score("bpi-sf", answers("3", 1, "4", 1, " 5", 1, "6", 1, "9A", 2));
    assertThat(bpi.score()).isEqualTo(1.0);
  }

  @Test
  void nullAnswerCountsAsUnanswered() {
    Map<String, Object> answers = items(2, 2, 2, 2, 2, 2, 1, 1, 2);
    answers.put("10", null);
    assertThat(score("odi", answers).answered()).isEqualTo(9);
  }

  @Test
  void odiWithTwoSectionsMissingIsRefused() {
    assertThatThrownBy(() -> score("odi", items(1, 1, 1, 1, 1, 1, 1, 1)))
        .hasMessage("ODI needs at least 9 of its 10 sections answered; 8 were (missing: 9, 10).")
        .extracting(e -> ((RuleViolation) e).code())
        .isEqualTo("too-many-missing-items");
  }

  @Test
  void ndiWithOneSectionMissingIsProratedAndBandedOnItsRawEquivalent() {
    // 14/45 × 100 = 31.1 %; raw equivalent 15.6 → 16 → moderate (15–24).
    Score ndi = score("ndi", items(2, 2, 2, 2, 2, 1, 1, 1, 1));
    assertThat(ndi.score()).isEqualTo(31.1);
    assertThat(ndi.subscores()).containsEntry("raw", 15.6);
    assertThat(ndi.band()).isEqualTo("moderate");
  }

  @Test
  void odiBandBoundariesFollowTheWholeNumberRanges() {
    assertThat(score("odi", items(2, 2, 2, 2, 2, 0, 0, 0, 0, 0)).band()).isEqualTo("minimal");
    assertThat(score("odi", items(2, 2, 2, 2, 2, 1, 0, 0, 0, 0)).band()).isEqualTo("moderate");
    assertThat(score("odi", items(5, 5, 5, 5, 5, 5, 5, 5, 0, 0)).band()).isEqualTo("crippled");
    assertThat(score("odi", items(5, 5, 5, 5, 5, 5, 5, 5, 5, 1)).band())
        .isEqualTo("bed-bound or exaggerating");
  }

  @Test
  void phq9ItemNineIsFlaggedEvenWhenTheTotalCannotBeComputed() {
    Score phq9 = score("phq9", answers("1", 0, "9", 2));
    assertThat(phq9.score()).isNull();
    assertThat(phq9.band()).isNull();
    assertThat(phq9.flagged("suicide-risk-assessment-needed")).isTrue();
    assertThat(phq9.flagged("total-not-computable")).isTrue();
  }

  @Test
  void phq9WithItemNineZeroRaisesNoSafetyFlag() {
    Score phq9 = score("phq9", items(3, 3, 3, 3, 3, 3, 3, 3, 0));
    assertThat(phq9.score()).isEqualTo(24.0);
    assertThat(phq9.band()).isEqualTo("severe");
    assertThat(phq9.flags()).isEmpty();
  }

  @Test
  void phq9WithItemNineUnansweredSaysToAskInPerson() {
    Score phq9 = score("phq9", items(0, 0, 0, 0, 0, 0, 0, 0));
    assertThat(phq9.flagged("item-9-unanswered")).isTrue();
    assertThat(phq9.score()).isNull();
  }

  @Test
  void phq9SafetyFlagCannotBeConfiguredAway() {
    Instruments confirmed =
        new Instruments(
            new AssessmentSettings(
                null, null, null, null, null, null, null, Set.of("phq9-item9-rule")));
    Score phq9 = confirmed.score("phq9", items(0, 0, 0, 0, 0, 0, 0, 0, 1), ScoringContext.none());
    assertThat(phq9.flagged("suicide-risk-assessment-needed")).isTrue();
    assertThat(phq9.unconfirmed()).isEmpty();
  }

  @Test
  void phq9DifficultyItemIsAcceptedButNotScored() {
    Map<String, Object> answers = items(1, 1, 1, 1, 1, 1, 1, 1, 0, 3);
    Score phq9 = score("phq9", answers);
    assertThat(phq9.score()).isEqualTo(8.0);
    assertThat(phq9.answered()).isEqualTo(9);
  }

  @Test
  void phq9WithNothingAnsweredIsRefused() {
    assertThatThrownBy(() -> score("phq9", Map.of()))
        .isInstanceOf(InvalidAnswers.class)
        .hasMessageContaining("PHQ-9");
  }

  @Test
  void bpiWithNeitherPartComputableIsRefused() {
    assertThatThrownBy(() -> score("bpi-sf", answers("3", 5, "9a", 1, "9b", 1, "9c", 1)))
        .isInstanceOf(InvalidAnswers.class)
        .hasMessageContaining("severity items missing: 4, 5, 6");
  }

  @Test
  void bpiSeverityNeedsAllFourItemsButInterferenceStillCounts() {
    Score bpi = score("bpi-sf", answers("3", 5, "9a", 2, "9b", 3, "9c", 4, "9d", 5));
    assertThat(bpi.score()).isNull();
    assertThat(bpi.band()).isNull();
    assertThat(bpi.subscores()).containsOnly(Map.entry("interference", 3.5));
    assertThat(bpi.flagged("severity-not-computable")).isTrue();
  }

  @Test
  void pegNeedsAllThreeItems() {
    assertThatThrownBy(() -> score("peg", items(3, 4)))
        .hasMessage("PEG needs all 3 items answered; item 3 is missing.");
  }

  @Test
  void pegMeanIsRoundedToOneDecimal() {
    assertThat(score("peg", items(6, 5, 6)).score()).isEqualTo(5.7);
  }

  @Test
  void nrsBandsAreConfigurableAndShownAsUnconfirmed() {
    assertThat(score("nrs", items(4)).band()).isEqualTo("mild");
    assertThat(score("nrs", items(0)).band()).isEqualTo("none");
    assertThat(score("nrs", items(4)).unconfirmed())
        .singleElement()
        .asString()
        .contains("none 0, mild 1–4, moderate 5–6, severe 7–10");
    Instruments oneToThree =
        new Instruments(
            new AssessmentSettings(
                List.of(
                    new Band("none", 0),
                    new Band("mild", 1),
                    new Band("moderate", 4),
                    new Band("severe", 7)),
                null,
                null,
                null,
                null,
                null,
                null,
                null));
    assertThat(oneToThree.score("nrs", items(4), ScoringContext.none()).band())
        .isEqualTo("moderate");
  }

  @Test
  void nrsMustBeAnswered() {
    assertThatThrownBy(() -> score("nrs", Map.of()))
        .hasMessage("NRS-11 needs its single item answered; item 1 is missing.");
  }

  @Test
  void ortWithoutSexIsRefused() {
    assertThatThrownBy(() -> instruments.score("ort", ortAbsent("1a"), ScoringContext.none()))
        .isInstanceOf(InvalidAnswers.class)
        .hasMessageContaining("ORT weighs its items by the patient's sex")
        .extracting(e -> ((RuleViolation) e).code())
        .isEqualTo("sex-required");
  }

  @Test
  void ortWithAnotherSexValueIsRefusedNamingIt() {
    assertThatThrownBy(
            () -> instruments.score("ort", ortAbsent("1a"), new ScoringContext("unknown")))
        .hasMessageContaining("got \"unknown\"");
  }

  @Test
  void ortPreadolescentAbuseCountsThreeForWomenAndNothingForMen() {
    assertThat(instruments.score("ort", ortAbsent("4"), ScoringContext.of(Sex.FEMALE)).score())
        .isEqualTo(3.0);
    assertThat(instruments.score("ort", ortAbsent("4"), ScoringContext.of(Sex.MALE)).score())
        .isEqualTo(0.0);
  }

  @Test
  void ortAllPresentReaches26ForWomenAndForMen() {
    // §3.8 states "Max 26 (female) / 25 (male) — D", but its own table sums to 26 for men too
    // (3+3+4+3+4+5+1+0+2+1); the table (P) wins over the derived figure.
    String[] all = {"1a", "1b", "1c", "2a", "2b", "2c", "3", "4", "5a", "5b"};
    Score female = instruments.score("ort", ortAbsent(all), ScoringContext.of(Sex.FEMALE));
    Score male = instruments.score("ort", ortAbsent(all), new ScoringContext(" Male "));
    assertThat(female.score()).isEqualTo(26.0);
    assertThat(male.score()).isEqualTo(26.0);
    assertThat(female.band()).isEqualTo("high");
  }

  @Test
  void ortNeedsEveryItemAnswered() {
    assertThatThrownBy(
            () ->
                instruments.score("ort", without(ortAbsent(), "4"), ScoringContext.of(Sex.FEMALE)))
        .hasMessage("ORT needs every item answered; item 4 is missing.");
  }

  @Test
  void ortOudIsUnweightedSexNeutralAndHasNoPreadolescentAbuseItem() {
    Map<String, Object> answers = without(ortAbsent("1a", "2c", "5b"), "4");
    Score oud = instruments.score("ort-oud", answers, ScoringContext.none());
    assertThat(oud.score()).isEqualTo(3.0);
    assertThat(oud.band()).isEqualTo("high");
    assertThat(oud.unconfirmed()).singleElement().asString().startsWith("ort-oud cut-off");
    assertThat(instruments.score("ort-oud", without(ortAbsent("1a", "2c"), "4"), null).band())
        .isEqualTo("low");
    assertThatThrownBy(() -> instruments.score("ort-oud", ortAbsent(), ScoringContext.none()))
        .hasMessageContaining("has no item \"4\"");
  }

  @Test
  void ortOudIgnoresAGivenSexButRefusesAWrongOne() {
    Map<String, Object> answers = without(ortAbsent("1a"), "4");
    assertThat(instruments.score("ort-oud", answers, ScoringContext.of(Sex.MALE)).score())
        .isEqualTo(1.0);
    assertThatThrownBy(() -> instruments.score("ort-oud", answers, new ScoringContext("x")))
        .hasMessageContaining("ORT-OUD needs the patient's sex as \"female\" or \"male\"");
  }

  @Test
  void dn4WithoutExaminationUsesTheInterviewCutOff() {
    Score dn4 = score("dn4", items(1, 0, 0, 1, 0, 1, 0));
    assertThat(dn4.score()).isNull();
    assertThat(dn4.subscores()).containsOnly(Map.entry("interview", 3.0));
    assertThat(dn4.band()).isEqualTo("positive");
    assertThat(dn4.flagged("interview-only")).isTrue();
  }

  @Test
  void dn4WithPartOfTheExaminationIsRefused() {
    assertThatThrownBy(() -> score("dn4", items(1, 0, 0, 1, 0, 1, 0, 1)))
        .hasMessageContaining("missing: 9, 10");
  }

  @Test
  void dn4ThreeOfTenIsNegative() {
    assertThat(score("dn4", items(1, 0, 0, 1, 0, 1, 0, 0, 0, 0)).band()).isEqualTo("negative");
  }

  @Test
  void pcsAtThirtyIsFlaggedClinicallyRelevant() {
    Score pcs = score("pcs", items(4, 4, 4, 4, 4, 4, 4, 2, 0, 0, 0, 0, 0));
    assertThat(pcs.score()).isEqualTo(30.0);
    assertThat(pcs.flagged("clinically-relevant-catastrophizing")).isTrue();
  }

  @Test
  void startBackThreeOrLessIsLowWhateverTheSubscore() {
    assertThat(score("startback", items(0, 0, 0, 0, 1, 1, 1, 0, 0)).band()).isEqualTo("low");
  }

  @Test
  void pgicMuchImprovedIsAResponder() {
    Score pgic = score("pgic", items(2));
    assertThat(pgic.band()).isEqualTo("much improved");
    assertThat(pgic.flagged("responder")).isTrue();
    assertThat(score("pgic", items(3)).flagged("responder")).isFalse();
    assertThatThrownBy(() -> score("pgic", items(0))).isInstanceOf(InvalidAnswers.class);
  }

  @Test
  void gad7BelowTenRaisesNoFlag() {
    assertThat(score("gad7", items(1, 1, 1, 1, 1, 1, 0)).flags()).isEmpty();
  }

  @Test
  void confirmedRulesNoLongerCarryTheirNote() {
    Instruments confirmed =
        new Instruments(
            new AssessmentSettings(
                null, null, null, null, null, null, null, Set.of("ndi-bands", "nrs-bands")));
    assertThat(confirmed.definition("ndi").unconfirmed()).isEmpty();
    assertThat(confirmed.score("nrs", items(3), null).unconfirmed()).isEmpty();
    assertThat(instruments.definition("ndi").unconfirmed()).hasSize(1);
  }

  @Test
  void everyDefinitionNamesItsSourceSectionAndLicence() {
    assertThat(instruments.definitions())
        .allSatisfy(
            i -> {
              assertThat(i.source()).startsWith("clinical-rules.md §3.");
              assertThat(i.licence()).isNotBlank();
              assertThat(i.items()).isNotEmpty();
            });
  }
}
