package org.relief.assessments.scoring;

import java.util.List;
import java.util.Map;
import org.relief.assessments.AssessmentSettings;
import org.relief.assessments.Instrument;
import org.relief.assessments.Item;
import org.relief.assessments.Score;
import org.relief.assessments.ScoringContext;

/** Numeric Rating Scale, 0–10 (clinical-rules.md §3.5); bands configurable (S / U). */
final class Nrs implements Scorer {

  private final AssessmentSettings settings;
  private final Instrument definition;

  Nrs(AssessmentSettings settings) {
    this.settings = settings;
    this.definition =
        new Instrument(
            "nrs",
            "Numeric Rating Scale for pain",
            "NRS-11",
            "NRS-11",
            "clinical-rules.md §3.5",
            "Generic 0–10 scale, no licence needed; Relief shows a short neutral label.",
            List.of(Item.of("1", "Pain intensity (0 no pain – 10 worst imaginable)", 0, 10)),
            0,
            10,
            "The single item must be answered.",
            unconfirmed());
  }

  private List<String> unconfirmed() {
    return Scoring.unconfirmed(
        settings.isConfirmed("nrs-bands"),
        "nrs bands (Serlin 1995 1–4/5–6/7–10; some use 1–3/4–6/7–10) — confirm locally; in use: "
            + Bands.describe(settings.nrsBands(), 10));
  }

  @Override
  public Instrument definition() {
    return definition;
  }

  @Override
  public Score score(Answers answers, ScoringContext context) {
    answers.requireAll(List.of("1"), "its single item");
    int pain = answers.get("1");
    return new Score(
        "nrs",
        (double) pain,
        Map.of(),
        Scoring.band(settings.nrsBands(), pain),
        List.of(),
        1,
        unconfirmed());
  }
}
