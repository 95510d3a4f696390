package org.relief.assessments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every worked example of clinical-rules.md §3.14 and the other worked examples of §3. */
class WorkedExamplesTest {

  private final Instruments instruments = new Instruments(AssessmentSettings.defaults());

  static Map<String, Object> answers(Object... keysAndValues) {
    Map<String, Object> answers = new LinkedHashMap<>();
    for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
      answers.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return answers;
  }

  /** Items "1".."n" with these values. */
  static Map<String, Object> items(int... values) {
    Map<String, Object> answers = new LinkedHashMap<>();
    for (int i = 0; i < values.length; i++) {
      answers.put(String.valueOf(i + 1), values[i]);
    }
    return answers;
  }

  private Score score(String code, Map<String, Object> answers) {
    return instruments.score(code, answers, ScoringContext.none());
  }

  @Test
  void odiTenSectionsSummingSixteenIs32PercentModerate() {
    Score odi = score("odi", items(2, 2, 2, 2, 2, 2, 1, 1, 1, 1));
    assertThat(odi.score()).isEqualTo(32.0);
    assertThat(odi.band()).isEqualTo("moderate");
    assertThat(odi.answered()).isEqualTo(10);
  }

  @Test
  void odiNineSectionsSummingSixteenIs35Point6PercentKeptToOneDecimal() {
    Map<String, Object> answers = items(2, 2, 2, 2, 2, 2, 1, 1, 2);
    Score odi = score("odi", answers);
    // §3.14: 16/45 × 100 = 35.56 (the sheet truncates to 35.5); reported to one decimal.
    assertThat(odi.score()).isEqualTo(35.6).isCloseTo(35.56, within(0.05));
    assertThat(odi.band()).isEqualTo("moderate");
    assertThat(odi.answered()).isEqualTo(9);
  }

  @Test
  void ndiRaw23Is46PercentModerateAndSaysItsBandsAreUnconfirmed() {
    Score ndi = score("ndi", items(3, 3, 3, 2, 2, 2, 2, 2, 2, 2));
    assertThat(ndi.score()).isEqualTo(46.0);
    assertThat(ndi.subscores()).containsEntry("raw", 23.0);
    assertThat(ndi.band()).isEqualTo("moderate");
    assertThat(ndi.unconfirmed()).singleElement().asString().startsWith("ndi bands (Vernon 2008)");
  }

  @Test
  void bpiSeverityAndInterferenceWithFourOfSevenInterferenceItems() {
    Score bpi =
        score(
            "bpi-sf", answers("3", 8, "4", 3, "5", 6, "6", 5, "9a", 7, "9b", 6, "9c", 5, "9g", 4));
    assertThat(bpi.score()).isEqualTo(5.5);
    assertThat(bpi.subscores()).containsEntry("severity", 5.5).containsEntry("interference", 5.5);
    assertThat(bpi.band()).isEqualTo("moderate");
    assertThat(bpi.flags()).isEmpty();
  }

  @Test
  void bpiInterferenceWithThreeOfSevenIsNotComputable() {
    Score bpi = score("bpi-sf", answers("3", 8, "4", 3, "5", 6, "6", 5, "9a", 7, "9b", 6, "9c", 5));
    assertThat(bpi.subscores()).containsOnlyKeys("severity");
    assertThat(bpi.flagged("interference-not-computable")).isTrue();
  }

  @Test
  void pegSixFiveSevenIsSix() {
    Score peg = score("peg", items(6, 5, 7));
    assertThat(peg.score()).isEqualTo(6.0);
    assertThat(peg.band()).isNull();
  }

  @Test
  void phq9ItemNineRaisesSafetyFlagEvenWithLowTotal() {
    Score phq9 = score("phq9", items(1, 1, 2, 1, 1, 0, 1, 0, 1));
    assertThat(phq9.score()).isEqualTo(8.0);
    assertThat(phq9.band()).isEqualTo("mild");
    assertThat(phq9.flagged("suicide-risk-assessment-needed")).isTrue();
  }

  @Test
  void gad7TotalTenIsModerateAndCallsForFurtherEvaluation() {
    Score gad7 = score("gad7", items(2, 2, 1, 2, 1, 1, 1));
    assertThat(gad7.score()).isEqualTo(10.0);
    assertThat(gad7.band()).isEqualTo("moderate");
    assertThat(gad7.flagged("further-evaluation")).isTrue();
  }

  /** ORT answers with every risk factor absent except those named. */
  static Map<String, Object> ortAbsent(String... present) {
    Map<String, Object> answers = new LinkedHashMap<>();
    for (String key : new String[] {"1a", "1b", "1c", "2a", "2b", "2c", "3", "4", "5a", "5b"}) {
      answers.put(key, 0);
    }
    for (String key : present) {
      answers.put(key, 1);
    }
    return answers;
  }

  @Test
  void ortFemaleWithFamilyPrescriptionDrugsAge30AndDepressionIsSixModerate() {
    Score ort = instruments.score("ort", ortAbsent("1c", "3", "5b"), ScoringContext.of(Sex.FEMALE));
    assertThat(ort.score()).isEqualTo(6.0);
    assertThat(ort.band()).isEqualTo("moderate");
  }

  @Test
  void ortMaleWithFamilyAndPersonalAlcoholIsSixModerate() {
    Score ort = instruments.score("ort", ortAbsent("1a", "2a"), ScoringContext.of(Sex.MALE));
    assertThat(ort.score()).isEqualTo(6.0);
    assertThat(ort.band()).isEqualTo("moderate");
  }

  @Test
  void startBackFourPhysicalAgreesAndModeratelyBothersomeIsMedium() {
    Score startBack = score("startback", items(1, 1, 1, 1, 0, 0, 0, 0, 2));
    assertThat(startBack.score()).isEqualTo(4.0);
    assertThat(startBack.subscores()).containsEntry("psychosocial", 0.0);
    assertThat(startBack.band()).isEqualTo("medium");
  }

  @Test
  void startBackPsychosocialAgreesAndVeryBothersomeIsHigh() {
    Score startBack = score("startback", items(0, 0, 0, 0, 1, 1, 1, 1, 3));
    assertThat(startBack.score()).isEqualTo(5.0);
    assertThat(startBack.subscores()).containsEntry("psychosocial", 5.0);
    assertThat(startBack.band()).isEqualTo("high");
  }

  @Test
  void pcsAllTwosIs26WithRumination8Magnification6Helplessness12() {
    Score pcs = score("pcs", items(2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2));
    assertThat(pcs.score()).isEqualTo(26.0);
    assertThat(pcs.subscores())
        .containsExactly(
            Map.entry("rumination", 8.0),
            Map.entry("magnification", 6.0),
            Map.entry("helplessness", 12.0));
    assertThat(pcs.flagged("clinically-relevant-catastrophizing")).isFalse();
  }

  @Test
  void dn4BurningTinglingNumbnessAndBrushingIsFourPositive() {
    Score dn4 = score("dn4", items(1, 0, 0, 1, 0, 1, 0, 0, 0, 1));
    assertThat(dn4.score()).isEqualTo(4.0);
    assertThat(dn4.band()).isEqualTo("positive");
    assertThat(dn4.unconfirmed()).singleElement().asString().startsWith("dn4 cut-off");
  }
}
