package org.relief.assessments.scoring;

import java.util.List;
import java.util.Map;
import org.relief.assessments.AssessmentSettings;
import org.relief.assessments.Instrument;
import org.relief.assessments.Score;
import org.relief.assessments.ScoringContext;

/**
 * Neck Disability Index (clinical-rules.md §3.2). The score is the percentage like the ODI's; the
 * raw 0–50 equivalent (percentage ÷ 2, equal to the item sum when all ten are answered) carries the
 * bands, which are configurable because §3.2 marks them U.
 */
final class Ndi implements Scorer {

  private final AssessmentSettings settings;
  private final Instrument definition;

  Ndi(AssessmentSettings settings) {
    this.settings = settings;
    this.definition =
        new Instrument(
            "ndi",
            "Neck Disability Index",
            "NDI",
            "Vernon & Mior 1991",
            "clinical-rules.md §3.2 (Vernon & Mior 1991)",
            Scoring.LABELS_ONLY,
            Scoring.numbered(
                0,
                5,
                "Pain intensity",
                "Personal care",
                "Lifting",
                "Reading",
                "Headaches",
                "Concentration",
                "Work",
                "Driving",
                "Sleeping",
                "Recreation"),
            0,
            100,
            DisabilityPercent.MISSING_RULE,
            unconfirmed());
  }

  private List<String> unconfirmed() {
    return Scoring.unconfirmed(
        settings.isConfirmed("ndi-bands"),
        "ndi bands (Vernon 2008) — confirm locally; in use on raw /50: "
            + Bands.describe(settings.ndiBands(), 50));
  }

  @Override
  public Instrument definition() {
    return definition;
  }

  @Override
  public Score score(Answers answers, ScoringContext context) {
    double exact = DisabilityPercent.of(answers);
    double raw = Scoring.oneDecimal(exact / 2);
    return new Score(
        "ndi",
        Scoring.oneDecimal(exact),
        Map.of("raw", raw),
        Scoring.band(settings.ndiBands(), raw),
        List.of(),
        answers.answeredScored(),
        unconfirmed());
  }
}
