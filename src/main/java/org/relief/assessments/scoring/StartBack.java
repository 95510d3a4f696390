package org.relief.assessments.scoring;

import java.util.List;
import java.util.Map;
import org.relief.assessments.Instrument;
import org.relief.assessments.Item;
import org.relief.assessments.Score;
import org.relief.assessments.ScoringContext;

/**
 * STarT Back Screening Tool, 9 items (clinical-rules.md §3.11, Keele scoring). Items 1–8 are 0
 * (disagree) or 1 (agree). Item 9 takes the answer chosen, 0 not at all, 1 slightly, 2 moderately,
 * 3 very much, 4 extremely, and scores 1 for very much or extremely
 * (docs/decisions/0008-item-keys.md).
 */
final class StartBack implements Scorer {

  private static final List<String> ITEMS = Scoring.keys(1, 9);
  private static final List<String> PSYCHOSOCIAL = Scoring.keys(5, 8);
  private static final int BOTHERSOME_FROM = 3;

  private final Instrument definition =
      new Instrument(
          "startback",
          "STarT Back Screening Tool",
          "STarT Back",
          "9-item (Hill 2008)",
          "clinical-rules.md §3.11 (Hill et al. 2008, Keele University)",
          Scoring.LABELS_ONLY,
          List.of(
              Item.of("1", "Leg pain spread", 0, 1),
              Item.of("2", "Shoulder or neck pain", 0, 1),
              Item.of("3", "Walked only short distances", 0, 1),
              Item.of("4", "Dressed more slowly", 0, 1),
              Item.of("5", "Not safe to be active", 0, 1),
              Item.of("6", "Worrying thoughts", 0, 1),
              Item.of("7", "Pain terrible, never better", 0, 1),
              Item.of("8", "Not enjoyed things", 0, 1),
              Item.of("9", "Bothersomeness (0 not at all … 4 extremely)", 0, 4)),
          0,
          9,
          "All 9 items must be answered (docs/decisions/0007-complete-answers-required.md).",
          List.of());

  @Override
  public Instrument definition() {
    return definition;
  }

  @Override
  public Score score(Answers answers, ScoringContext context) {
    answers.requireAll(ITEMS, "all 9 items");
    // clinical-rules.md §3.11: not at all / slightly / moderately = 0; very much / extremely = 1.
    int bothersome = answers.get("9") >= BOTHERSOME_FROM ? 1 : 0;
    int psychosocial = answers.sum(PSYCHOSOCIAL) + bothersome;
    int total = answers.sum(Scoring.keys(1, 8)) + bothersome;
    // clinical-rules.md §3.11 classification (S, awell classifyRisk).
    String band;
    if (total <= 3) {
      band = "low";
    } else if (psychosocial >= 4) {
      band = "high";
    } else {
      band = "medium";
    }
    return new Score(
        "startback",
        (double) total,
        Map.of("psychosocial", (double) psychosocial),
        band,
        List.of(),
        9,
        List.of());
  }
}
