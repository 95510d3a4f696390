package org.relief.assessments.scoring;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.relief.assessments.AssessmentSettings;
import org.relief.assessments.Flag;
import org.relief.assessments.Instrument;
import org.relief.assessments.Score;
import org.relief.assessments.ScoringContext;

/**
 * DN4 (clinical-rules.md §3.9): ten yes (1) / no (0) items, 1–7 from the interview, 8–10 from the
 * examination. Without the examination (all of 8–10 unanswered) the DN4-interview cut-off is used
 * and the result says so; a partly done examination is refused. Both cut-offs are U and
 * configurable.
 */
final class Dn4 implements Scorer {

  static final String INTERVIEW_ONLY = "interview-only";

  private static final List<String> INTERVIEW = Scoring.keys(1, 7);
  private static final List<String> EXAMINATION = Scoring.keys(8, 10);

  private final AssessmentSettings settings;
  private final Instrument definition;

  Dn4(AssessmentSettings settings) {
    this.settings = settings;
    this.definition =
        new Instrument(
            "dn4",
            "Douleur Neuropathique 4",
            "DN4",
            "Bouhassira 2005",
            "clinical-rules.md §3.9 (Bouhassira et al. 2005)",
            Scoring.LABELS_ONLY,
            Scoring.numbered(
                0,
                1,
                "Burning",
                "Painful cold",
                "Electric shocks",
                "Tingling",
                "Pins and needles",
                "Numbness",
                "Itching",
                "Examination: hypoesthesia to touch",
                "Examination: hypoesthesia to pinprick",
                "Examination: pain caused or increased by brushing"),
            0,
            10,
            "Interview items 1–7 must all be answered; examination items 8–10 all or none (none:"
                + " DN4-interview cut-off).",
            unconfirmed());
  }

  private List<String> unconfirmed() {
    return Scoring.unconfirmed(
        settings.isConfirmed("dn4-cut-off"),
        "dn4 cut-off (≥"
            + settings.dn4PositiveFrom()
            + "/10; interview alone ≥"
            + settings.dn4InterviewPositiveFrom()
            + "/7) — confirm locally");
  }

  @Override
  public Instrument definition() {
    return definition;
  }

  @Override
  public Score score(Answers answers, ScoringContext context) {
    answers.requireAll(INTERVIEW, "all 7 interview items (1–7)");
    List<String> examMissing = answers.missing(EXAMINATION);
    boolean examined = examMissing.isEmpty();
    if (!examined && examMissing.size() < EXAMINATION.size()) {
      throw Answers.tooManyMissing(
          "DN4 examination items 8, 9 and 10 are answered together or not at all; missing: "
              + String.join(", ", examMissing)
              + ".");
    }
    int interview = answers.sum(INTERVIEW);
    Map<String, Double> subscores = new LinkedHashMap<>();
    subscores.put("interview", (double) interview);
    List<Flag> flags = new ArrayList<>();
    Double score = null;
    boolean positive;
    if (examined) {
      int examination = answers.sum(EXAMINATION);
      subscores.put("examination", (double) examination);
      score = (double) (interview + examination);
      positive = interview + examination >= settings.dn4PositiveFrom();
    } else {
      positive = interview >= settings.dn4InterviewPositiveFrom();
      flags.add(
          new Flag(
              INTERVIEW_ONLY,
              "DN4 examination items 8–10 were not done: no total; the DN4-interview cut-off (≥"
                  + settings.dn4InterviewPositiveFrom()
                  + " of 7) was used."));
    }
    return new Score(
        "dn4",
        score,
        subscores,
        positive ? "positive" : "negative",
        flags,
        answers.answeredScored(),
        unconfirmed());
  }
}
