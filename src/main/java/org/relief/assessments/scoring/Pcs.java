package org.relief.assessments.scoring;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.relief.assessments.AssessmentSettings;
import org.relief.assessments.Flag;
import org.relief.assessments.Instrument;
import org.relief.assessments.Score;
import org.relief.assessments.ScoringContext;

/** Pain Catastrophizing Scale, total and three subscales (clinical-rules.md §3.10). */
final class Pcs implements Scorer {

  static final String CLINICALLY_RELEVANT = "clinically-relevant-catastrophizing";

  private static final List<String> ITEMS = Scoring.keys(1, 13);
  // clinical-rules.md §3.10 (S): subscale items.
  private static final List<String> RUMINATION = List.of("8", "9", "10", "11");
  private static final List<String> MAGNIFICATION = List.of("6", "7", "13");
  private static final List<String> HELPLESSNESS = List.of("1", "2", "3", "4", "5", "12");

  private final AssessmentSettings settings;
  private final Instrument definition;

  Pcs(AssessmentSettings settings) {
    this.settings = settings;
    this.definition =
        new Instrument(
            "pcs",
            "Pain Catastrophizing Scale",
            "PCS",
            "Sullivan 1995",
            "clinical-rules.md §3.10 (Sullivan, Bishop & Pivik 1995)",
            Scoring.LABELS_ONLY,
            Scoring.numbered(
                0,
                4,
                "Helplessness 1",
                "Helplessness 2",
                "Helplessness 3",
                "Helplessness 4",
                "Helplessness 5",
                "Magnification 1",
                "Magnification 2",
                "Rumination 1",
                "Rumination 2",
                "Rumination 3",
                "Rumination 4",
                "Helplessness 6",
                "Magnification 3"),
            0,
            52,
            "All 13 items must be answered (docs/decisions/0007-complete-answers-required.md).",
            unconfirmed());
  }

  private List<String> unconfirmed() {
    return Scoring.unconfirmed(
        settings.isConfirmed("pcs-threshold"),
        "pcs clinical threshold (total ≥"
            + settings.pcsClinicalFrom()
            + ", PCS manual) — confirm locally");
  }

  @Override
  public Instrument definition() {
    return definition;
  }

  @Override
  public Score score(Answers answers, ScoringContext context) {
    answers.requireAll(ITEMS, "all 13 items");
    int total = answers.sum(ITEMS);
    Map<String, Double> subscores = new LinkedHashMap<>();
    subscores.put("rumination", (double) answers.sum(RUMINATION));
    subscores.put("magnification", (double) answers.sum(MAGNIFICATION));
    subscores.put("helplessness", (double) answers.sum(HELPLESSNESS));
    List<Flag> flags =
        total >= settings.pcsClinicalFrom()
            ? List.of(
                new Flag(
                    CLINICALLY_RELEVANT,
                    "PCS total "
                        + total
                        + " reaches "
                        + settings.pcsClinicalFrom()
                        + ": clinically relevant catastrophizing."))
            : List.of();
    return new Score("pcs", (double) total, subscores, null, flags, 13, unconfirmed());
  }
}
