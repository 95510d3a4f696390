package org.relief.assessments.scoring;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.relief.assessments.Band;
import org.relief.assessments.Flag;
import org.relief.assessments.Instrument;
import org.relief.assessments.Item;
import org.relief.assessments.Score;
import org.relief.assessments.ScoringContext;

/**
 * Brief Pain Inventory, short form (clinical-rules.md §3.3). Only the scored items are taken: the
 * four severity items (form items 3–6) and the seven interference items (form item 9, parts a–g),
 * keyed as the form numbers them (docs/decisions/0008-item-keys.md). The main score is pain
 * severity; interference is a subscore.
 */
final class BpiShortForm implements Scorer {

  private static final List<String> SEVERITY = List.of("3", "4", "5", "6");
  private static final List<String> INTERFERENCE =
      List.of("9a", "9b", "9c", "9d", "9e", "9f", "9g");

  // clinical-rules.md §3.3: interference valid when more than half (≥4 of 7) answered (P).
  private static final int INTERFERENCE_MIN_ANSWERED = 4;

  // clinical-rules.md §3.3 bands (Serlin 1995 cut-points, S), applied to severity.
  private static final List<Band> BANDS = Scoring.bands("mild", 0, "moderate", 5, "severe", 7);

  private final Instrument definition =
      new Instrument(
          "bpi-sf",
          "Brief Pain Inventory — Short Form",
          "BPI-SF",
          "Short form (Cleeland 2009 User Guide)",
          "clinical-rules.md §3.3 (Cleeland 2009)",
          Scoring.LABELS_ONLY,
          List.of(
              Item.of("3", "Pain at its worst, last 24 hours", 0, 10),
              Item.of("4", "Pain at its least, last 24 hours", 0, 10),
              Item.of("5", "Pain on average", 0, 10),
              Item.of("6", "Pain right now", 0, 10),
              Item.of("9a", "Interference: general activity", 0, 10),
              Item.of("9b", "Interference: mood", 0, 10),
              Item.of("9c", "Interference: walking ability", 0, 10),
              Item.of("9d", "Interference: normal work", 0, 10),
              Item.of("9e", "Interference: relations with other people", 0, 10),
              Item.of("9f", "Interference: sleep", 0, 10),
              Item.of("9g", "Interference: enjoyment of life", 0, 10)),
          0,
          10,
          "Severity needs all 4 severity items (docs/decisions/0007-complete-answers-required.md);"
              + " interference needs at least 4 of its 7 items. A part that cannot be computed is"
              + " flagged; if neither can, the answers are refused.",
          List.of());

  @Override
  public Instrument definition() {
    return definition;
  }

  @Override
  public Score score(Answers answers, ScoringContext context) {
    boolean severityComputable = answers.missing(SEVERITY).isEmpty();
    int interferenceAnswered = INTERFERENCE.size() - answers.missing(INTERFERENCE).size();
    boolean interferenceComputable = interferenceAnswered >= INTERFERENCE_MIN_ANSWERED;
    if (!severityComputable && !interferenceComputable) {
      throw Answers.tooManyMissing(
          "BPI-SF needs all 4 severity items (3, 4, 5, 6) or at least 4 of the 7 interference"
              + " items (9a–9g) answered; severity items missing: "
              + String.join(", ", answers.missing(SEVERITY))
              + "; interference items answered: "
              + interferenceAnswered
              + ".");
    }
    Map<String, Double> subscores = new LinkedHashMap<>();
    List<Flag> flags = new ArrayList<>();
    Double severity = null;
    if (severityComputable) {
      severity = Scoring.oneDecimal(answers.sum(SEVERITY) / 4.0);
      subscores.put("severity", severity);
    } else {
      flags.add(
          new Flag(
              "severity-not-computable",
              "BPI-SF pain severity needs all 4 severity items; missing: "
                  + String.join(", ", answers.missing(SEVERITY))
                  + "."));
    }
    if (interferenceComputable) {
      subscores.put(
          "interference",
          Scoring.oneDecimal((double) answers.sum(INTERFERENCE) / interferenceAnswered));
    } else {
      flags.add(
          new Flag(
              "interference-not-computable",
              "BPI-SF pain interference needs at least 4 of its 7 items; "
                  + interferenceAnswered
                  + " were answered."));
    }
    return new Score(
        "bpi-sf",
        severity,
        subscores,
        severity == null ? null : Scoring.band(BANDS, severity),
        flags,
        answers.answeredScored(),
        List.of());
  }
}
