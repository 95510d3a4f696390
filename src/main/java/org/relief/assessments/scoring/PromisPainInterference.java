package org.relief.assessments.scoring;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.relief.assessments.AssessmentSettings;
import org.relief.assessments.Instrument;
import org.relief.assessments.Item;
import org.relief.assessments.Score;
import org.relief.assessments.ScoringContext;

/**
 * PROMIS Pain Interference short forms 4a and 8a (clinical-rules.md §3.13): items 1 (not at all) to
 * 5 (very much) over the past 7 days; the raw sum is looked up as a T-score (mean 50, SD 10, higher
 * is worse). The lookup needs every item (pro-rating per the manual is U, so Relief does not
 * pro-rate). Short form 6a is not offered: its table was not recovered (§3.13).
 */
final class PromisPainInterference implements Scorer {

  /** §3.13 4a, raw 4–20 (S2); raw 20 is U: 75.6 in one source, 75.8 in another. */
  private static final double[] T_4A = {
    41.6, 49.6, 52.0, 53.9, 55.6, 57.1, 58.5, 59.9, 61.2, 62.5, 63.8, 65.2, 66.6, 68.0, 69.7, 71.6,
    75.6
  };

  private static final double[] SE_4A = {
    6.1, 2.5, 2.0, 1.9, 1.9, 1.9, 1.8, 1.8, 1.8, 1.8, 1.8, 1.8, 1.8, 1.8, 1.9, 2.1, 3.7
  };

  /** §3.13 8a, raw 8–40 (S, single source, marked "verify"). */
  private static final double[] T_8A = {
    40.7, 47.9, 49.9, 51.2, 52.3, 53.2, 54.1, 55.0, 55.8, 56.6, 57.4, 58.1, 58.8, 59.5, 60.2, 60.8,
    61.5, 62.1, 62.8, 63.5, 64.1, 64.8, 65.5, 66.2, 66.9, 67.7, 68.4, 69.2, 70.1, 71.0, 72.1, 73.5,
    77.0
  };

  static final String RAW_20_KEY = "promis-pi-4a-raw-20";
  static final String TABLE_8A_KEY = "promis-pi-8a-table";

  private final Instrument definition;
  private final double[] table;
  private final double[] standardErrors;
  private final List<String> keys;

  private PromisPainInterference(Instrument definition, double[] table, double[] standardErrors) {
    this.definition = definition;
    this.table = table;
    this.standardErrors = standardErrors;
    this.keys = definition.items().stream().map(Item::key).toList();
  }

  static PromisPainInterference shortForm4a(AssessmentSettings settings) {
    return new PromisPainInterference(
        definition(
            "promis-pi-4a",
            "PROMIS Pain Interference Short Form 4a",
            "PROMIS PI 4a",
            List.of(
                "Interference with day-to-day activities",
                "Interference with work around the home",
                "Interference with social activities",
                "Interference with household chores"),
            T_4A,
            Scoring.unconfirmed(
                settings.isConfirmed(RAW_20_KEY),
                "promis-pi-4a raw 20 → T 75.6 (sources give 75.6 and 75.8) — confirm locally"
                    + " against the HealthMeasures scoring manual")),
        T_4A,
        SE_4A);
  }

  static PromisPainInterference shortForm8a(AssessmentSettings settings) {
    List<String> labels = new ArrayList<>();
    for (int i = 1; i <= 8; i++) {
      labels.add("Pain interference, item " + i);
    }
    return new PromisPainInterference(
        definition(
            "promis-pi-8a",
            "PROMIS Pain Interference Short Form 8a",
            "PROMIS PI 8a",
            labels,
            T_8A,
            Scoring.unconfirmed(
                settings.isConfirmed(TABLE_8A_KEY),
                "promis-pi-8a T-score table (single source) — confirm locally against the"
                    + " HealthMeasures scoring manual")),
        T_8A,
        null);
  }

  private static Instrument definition(
      String code,
      String name,
      String shortName,
      List<String> labels,
      double[] table,
      List<String> unconfirmed) {
    return new Instrument(
        code,
        name,
        shortName,
        "v1.0",
        "clinical-rules.md §3.13 (PROMIS Pain Interference Scoring Manual, HealthMeasures)",
        "PROMIS instruments are free to use but their wording is HealthMeasures'; Relief shows"
            + " item numbers and short neutral labels only (docs/instruments.md).",
        Scoring.numbered(1, 5, labels.toArray(String[]::new)),
        table[0],
        table[table.length - 1],
        "Every item must be answered: the T-score table needs the full raw sum (pro-rating is"
            + " not confirmed, clinical-rules.md §3.13).",
        unconfirmed);
  }

  @Override
  public Instrument definition() {
    return definition;
  }

  @Override
  public Score score(Answers answers, ScoringContext context) {
    answers.requireAll(keys, "all " + keys.size() + " items");
    int raw = answers.sum(keys);
    int index = raw - keys.size();
    Map<String, Double> subscores = new LinkedHashMap<>();
    subscores.put("raw", (double) raw);
    if (standardErrors != null) {
      subscores.put("standardError", standardErrors[index]);
    }
    // 4a: only the raw-20 row is unconfirmed; 8a: the whole table is.
    boolean unconfirmedRow = standardErrors == null || index == table.length - 1;
    List<String> unconfirmed = unconfirmedRow ? definition.unconfirmed() : List.of();
    return new Score(
        definition.code(), table[index], subscores, null, List.of(), keys.size(), unconfirmed);
  }
}
