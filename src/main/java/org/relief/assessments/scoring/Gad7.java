package org.relief.assessments.scoring;

import java.util.List;
import java.util.Map;
import org.relief.assessments.Band;
import org.relief.assessments.Flag;
import org.relief.assessments.Instrument;
import org.relief.assessments.Score;
import org.relief.assessments.ScoringContext;

/** GAD-7 (clinical-rules.md §3.7). */
final class Gad7 implements Scorer {

  static final String FURTHER_EVALUATION = "further-evaluation";

  private static final List<String> ITEMS = Scoring.keys(1, 7);

  // clinical-rules.md §3.7 bands (S2).
  private static final List<Band> BANDS =
      Scoring.bands("minimal", 0, "mild", 5, "moderate", 10, "severe", 15);

  // clinical-rules.md §3.7: a total of 10 or more calls for further evaluation (S2).
  private static final int FURTHER_EVALUATION_FROM = 10;

  private final Instrument definition =
      new Instrument(
          "gad7",
          "Generalized Anxiety Disorder-7",
          "GAD-7",
          "GAD-7",
          "clinical-rules.md §3.7 (Spitzer et al. 2006)",
          "Wording not yet taken from an official source, so Relief shows item numbers and short"
              + " neutral labels only (docs/instruments.md).",
          Scoring.numbered(
              0,
              3,
              "Nervous, anxious or on edge",
              "Unable to stop worrying",
              "Worrying too much",
              "Trouble relaxing",
              "Restlessness",
              "Irritability",
              "Feeling afraid"),
          0,
          21,
          "All 7 items must be answered (docs/decisions/0007-complete-answers-required.md).",
          List.of());

  @Override
  public Instrument definition() {
    return definition;
  }

  @Override
  public Score score(Answers answers, ScoringContext context) {
    answers.requireAll(ITEMS, "all 7 items");
    int total = answers.sum(ITEMS);
    List<Flag> flags =
        total >= FURTHER_EVALUATION_FROM
            ? List.of(
                new Flag(
                    FURTHER_EVALUATION,
                    "GAD-7 total " + total + " is 10 or more: evaluate anxiety further."))
            : List.of();
    return new Score(
        "gad7", (double) total, Map.of(), Scoring.band(BANDS, total), flags, 7, List.of());
  }
}
