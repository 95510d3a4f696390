package org.relief.assessments.scoring;

import java.util.List;
import java.util.Map;
import org.relief.assessments.Instrument;
import org.relief.assessments.Score;
import org.relief.assessments.ScoringContext;

/**
 * PEG, the mean of three 0–10 items (clinical-rules.md §3.4). No bands: Krebs 2009 defines none and
 * §3.4 says third-party bands are not to be treated as primary.
 */
final class Peg implements Scorer {

  private static final List<String> ITEMS = Scoring.keys(1, 3);

  private final Instrument definition =
      new Instrument(
          "peg",
          "Pain, Enjoyment of life and General activity",
          "PEG",
          "Krebs 2009",
          "clinical-rules.md §3.4 (Krebs et al. 2009)",
          "Published in a journal article; reuse terms not confirmed, so Relief shows item"
              + " numbers and short neutral labels only (docs/instruments.md).",
          Scoring.numbered(
              0,
              10,
              "Average pain, past week",
              "Interference with enjoyment of life",
              "Interference with general activity"),
          0,
          10,
          "All 3 items must be answered (docs/decisions/0007-complete-answers-required.md).",
          List.of());

  @Override
  public Instrument definition() {
    return definition;
  }

  @Override
  public Score score(Answers answers, ScoringContext context) {
    // docs/decisions/0007-complete-answers-required.md: a mean of two items is not the PEG.
    answers.requireAll(ITEMS, "all 3 items");
    return new Score(
        "peg",
        Scoring.oneDecimal(answers.sum(ITEMS) / 3.0),
        Map.of(),
        null,
        List.of(),
        3,
        List.of());
  }
}
