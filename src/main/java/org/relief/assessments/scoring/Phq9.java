package org.relief.assessments.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.relief.assessments.AssessmentSettings;
import org.relief.assessments.Band;
import org.relief.assessments.Flag;
import org.relief.assessments.Instrument;
import org.relief.assessments.Item;
import org.relief.assessments.Score;
import org.relief.assessments.ScoringContext;

/**
 * PHQ-9 (clinical-rules.md §3.6).
 *
 * <p>Item 9 comes first: any answer of 1 or more raises the suicide-risk flag whatever the total,
 * and the flag can be neither configured away nor lost to missing items. Incomplete answers
 * therefore give a result without a total (and the item-9 flag) instead of a refusal
 * (docs/decisions/0009-phq9-incomplete-answers.md).
 */
final class Phq9 implements Scorer {

  static final String SUICIDE_RISK = "suicide-risk-assessment-needed";
  static final String ITEM_9_UNANSWERED = "item-9-unanswered";
  static final String TOTAL_NOT_COMPUTABLE = "total-not-computable";

  private static final List<String> SCORED = Scoring.keys(1, 9);

  // clinical-rules.md §3.6 bands (S2).
  private static final List<Band> BANDS =
      Scoring.bands(
          "none or minimal", 0, "mild", 5, "moderate", 10, "moderately severe", 15, "severe", 20);

  private static final String[] LABELS = {
    "Little interest or pleasure",
    "Feeling down",
    "Sleep",
    "Tiredness, little energy",
    "Appetite",
    "Feeling bad about oneself",
    "Concentration",
    "Moving or speaking slowly, or restless",
    "Thoughts of being better off dead or of self-harm"
  };

  private final AssessmentSettings settings;
  private final Instrument definition;

  Phq9(AssessmentSettings settings) {
    this.settings = settings;
    List<Item> items = new ArrayList<>(Scoring.numbered(0, 3, LABELS));
    // clinical-rules.md §3.6: the difficulty question is not scored (U); accepted, not counted.
    items.add(new Item("10", "Difficulty caused by these problems (not scored)", 0, 3, false));
    this.definition =
        new Instrument(
            "phq9",
            "Patient Health Questionnaire-9",
            "PHQ-9",
            "PHQ-9",
            "clinical-rules.md §3.6 (Kroenke, Spitzer & Williams 2001)",
            "Wording not yet taken from an official source, so Relief shows item numbers and short"
                + " neutral labels only (docs/instruments.md).",
            items,
            0,
            27,
            "The total needs all 9 items; with fewer, no total is given but item 9 is still"
                + " checked (docs/decisions/0009-phq9-incomplete-answers.md).",
            unconfirmed());
  }

  private List<String> unconfirmed() {
    return Scoring.unconfirmed(
        settings.isConfirmed("phq9-item9-rule"),
        "phq9 item-9 rule (any answer ≥1 → immediate suicide-risk assessment) is the standard PHQ"
            + " instruction, not re-read in Kroenke 2001 — confirm the wording locally; the flag is"
            + " always raised");
  }

  @Override
  public Instrument definition() {
    return definition;
  }

  @Override
  public Score score(Answers answers, ScoringContext context) {
    int answered = answers.answeredScored();
    if (answered == 0) {
      throw Answers.tooManyMissing("PHQ-9 needs its items 1 to 9 answered; none were.");
    }
    List<Flag> flags = new ArrayList<>();
    Integer item9 = answers.get("9");
    if (item9 == null) {
      flags.add(
          new Flag(
              ITEM_9_UNANSWERED,
              "PHQ-9 item 9 (thoughts of self-harm) was not answered: ask about it in person."));
    } else if (item9 >= 1) {
      // clinical-rules.md §3.6: item 9 ≥1 → immediate suicide-risk assessment, whatever the total.
      flags.add(
          new Flag(
              SUICIDE_RISK,
              "PHQ-9 item 9 answered "
                  + item9
                  + " (several days or more): assess suicide risk now, whatever the total."));
    }
    List<String> missing = answers.missing(SCORED);
    if (!missing.isEmpty()) {
      flags.add(
          new Flag(
              TOTAL_NOT_COMPUTABLE,
              "PHQ-9 total needs all 9 items; missing: " + String.join(", ", missing) + "."));
      return new Score("phq9", null, Map.of(), null, flags, answered, unconfirmed());
    }
    int total = answers.sum(SCORED);
    return new Score(
        "phq9",
        (double) total,
        Map.of(),
        Scoring.band(BANDS, total),
        flags,
        answered,
        unconfirmed());
  }
}
