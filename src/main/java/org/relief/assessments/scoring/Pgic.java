package org.relief.assessments.scoring;

import java.util.List;
import java.util.Map;
import org.relief.assessments.AssessmentSettings;
import org.relief.assessments.Flag;
import org.relief.assessments.Instrument;
import org.relief.assessments.Item;
import org.relief.assessments.Score;
import org.relief.assessments.ScoringContext;

/**
 * Patient Global Impression of Change, the common 7-point version (clinical-rules.md §3.12, U). The
 * score is the answer; the band names it; the responder flag uses the configurable cut-off.
 */
final class Pgic implements Scorer {

  static final String RESPONDER = "responder";

  // clinical-rules.md §3.12 (U): 1 very much improved … 7 very much worse.
  private static final List<String> ANSWERS =
      List.of(
          "very much improved",
          "much improved",
          "minimally improved",
          "no change",
          "minimally worse",
          "much worse",
          "very much worse");

  private final AssessmentSettings settings;
  private final Instrument definition;

  Pgic(AssessmentSettings settings) {
    this.settings = settings;
    this.definition =
        new Instrument(
            "pgic",
            "Patient Global Impression of Change",
            "PGIC",
            "7-point (Guy 1976 CGI-I adapted)",
            "clinical-rules.md §3.12",
            "Answer scale adapted from Guy 1976 (CGI-I); Relief shows a short neutral label.",
            List.of(
                Item.of(
                    "1", "Impression of change (1 very much improved … 7 very much worse)", 1, 7)),
            1,
            7,
            "The single item must be answered.",
            unconfirmed());
  }

  private List<String> unconfirmed() {
    return Scoring.unconfirmed(
        settings.isConfirmed("pgic-responder"),
        "pgic 7-point wording (Guy 1976 adapted; Hurst & Bolton 2004 differs) and responder"
            + " definition (answers 1–"
            + settings.pgicResponderUpTo()
            + ") — confirm locally");
  }

  @Override
  public Instrument definition() {
    return definition;
  }

  @Override
  public Score score(Answers answers, ScoringContext context) {
    answers.requireAll(List.of("1"), "its single item");
    int answer = answers.get("1");
    List<Flag> flags =
        answer <= settings.pgicResponderUpTo()
            ? List.of(new Flag(RESPONDER, "PGIC answer " + answer + " counts as a responder."))
            : List.of();
    return new Score(
        "pgic", (double) answer, Map.of(), ANSWERS.get(answer - 1), flags, 1, unconfirmed());
  }
}
