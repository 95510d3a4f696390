package org.relief.assessments.scoring;

import java.util.List;
import java.util.Map;
import org.relief.assessments.Band;
import org.relief.assessments.Instrument;
import org.relief.assessments.Score;
import org.relief.assessments.ScoringContext;

/** Oswestry Disability Index v2.1a (clinical-rules.md §3.1). */
final class Odi implements Scorer {

  // clinical-rules.md §3.1 bands (S2), on the percentage.
  private static final List<Band> BANDS =
      Scoring.bands(
          "minimal",
          0,
          "moderate",
          21,
          "severe",
          41,
          "crippled",
          61,
          "bed-bound or exaggerating",
          81);

  private final Instrument definition =
      new Instrument(
          "odi",
          "Oswestry Disability Index",
          "ODI",
          "2.1a",
          "clinical-rules.md §3.1 (Fairbank & Pynsent 2000)",
          Scoring.LABELS_ONLY,
          Scoring.numbered(
              0,
              5,
              "Pain intensity",
              "Personal care",
              "Lifting",
              "Walking",
              "Sitting",
              "Standing",
              "Sleeping",
              "Sex life (if applicable)",
              "Social life",
              "Travelling"),
          0,
          100,
          DisabilityPercent.MISSING_RULE,
          List.of());

  @Override
  public Instrument definition() {
    return definition;
  }

  @Override
  public Score score(Answers answers, ScoringContext context) {
    double percent = Scoring.oneDecimal(DisabilityPercent.of(answers));
    return new Score(
        "odi",
        percent,
        Map.of(),
        Scoring.band(BANDS, percent),
        List.of(),
        answers.answeredScored(),
        List.of());
  }
}
