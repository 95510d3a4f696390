package org.relief.procedures;

import static org.relief.procedures.IntervalRow.Step.CONTINUE;
import static org.relief.procedures.IntervalRow.Step.SHARED;
import static org.relief.procedures.IntervalRow.Step.hold;
import static org.relief.procedures.IntervalRow.Step.holdDays;

import java.util.LinkedHashMap;
import java.util.Map;
import org.relief.patients.NsaidHalfLife;
import org.relief.procedures.IntervalRow.Step;

/**
 * The researched values of clinical-rules.md §1b and §1c, by row key: a generic name, a name with a
 * regimen ({@code aspirin/primary-prophylaxis}), or a group ({@code nsaid-short}, {@code
 * dietary-supplements}). Ranges take their upper end (docs/decisions/0016).
 */
final class IntervalTable {

  static final String SECTION_1B = "clinical-rules.md §1b";
  static final String SECTION_1C = "clinical-rules.md §1c";

  private static final String INR = "and a normal INR before the procedure";
  private static final String SHARED_LOW =
      "for low-risk procedures ASRA 2018 suggests no stop, with shared assessment";

  private IntervalTable() {}

  static Map<String, IntervalRow> researched() {
    Map<String, IntervalRow> rows = new LinkedHashMap<>();
    // §1b aspirin rows: primary prophylaxis 6 days for high risk, secondary shared
    rows.put(
        "aspirin/primary-prophylaxis", row(CONTINUE, SHARED, holdDays(6), 24, 24, 24, "S", null));
    rows.put("aspirin/secondary-prophylaxis", row(CONTINUE, SHARED, SHARED, 24, 24, 24, "S", null));
    rows.put(
        "aspirin",
        row(
            CONTINUE,
            SHARED,
            SHARED,
            24,
            24,
            24,
            "S",
            "indication not given: for primary prophylaxis ASRA 2018 suggests stopping 6 days"
                + " before a high-risk procedure, for secondary prophylaxis shared assessment"));
    rows.put("cilostazol", row(CONTINUE, CONTINUE, holdDays(2), 24, 24, 24, "S", null));
    rows.put(
        "dipyridamole",
        row(
            CONTINUE,
            CONTINUE,
            holdDays(2),
            null,
            null,
            null,
            "S / U",
            "the reference gives no restart interval"));
    rows.put("warfarin", row(SHARED, holdDays(5), holdDays(5), 6, 6, 6, "S", INR));
    rows.put("acenocoumarol", row(SHARED, holdDays(3), holdDays(3), 24, 24, 24, "S", INR));
    rows.put("heparin/iv", row(hold(6), hold(6), hold(6), 2, 2, 2, "S", null));
    rows.put("heparin/sc", row(hold(6), hold(6), hold(24), 2, 2, 6, "S", null));
    rows.put(
        "heparin",
        row(
            hold(6),
            hold(6),
            hold(24),
            2,
            2,
            6,
            "S",
            "route not given: the subcutaneous intervals, the longer of IV and SC"));
    rows.put("enoxaparin/prophylactic", row(hold(12), hold(12), hold(12), 4, 24, 24, "S", null));
    rows.put("enoxaparin/therapeutic", row(hold(24), hold(24), hold(24), 4, 24, 24, "S", null));
    rows.put(
        "enoxaparin",
        row(
            hold(24),
            hold(24),
            hold(24),
            4,
            24,
            24,
            "S",
            "dose not given: the therapeutic intervals, the longer"));
    rows.put("dalteparin", row(hold(24), hold(24), hold(24), 4, 24, 24, "S", null));
    rows.put("fondaparinux", row(SHARED, holdDays(4), holdDays(4), 6, 24, 24, "S / U", null));
    rows.put(
        "dabigatran",
        row(
            SHARED,
            holdDays(5),
            holdDays(5),
            24,
            24,
            24,
            "S / U",
            "6 days if renal function is impaired"));
    for (String doac : new String[] {"rivaroxaban", "apixaban", "edoxaban"}) {
      rows.put(doac, row(SHARED, holdDays(3), holdDays(3), 24, 24, 24, "S / U", null));
    }
    rows.put("clopidogrel", row(SHARED, holdDays(7), holdDays(7), 24, 24, 24, "U", SHARED_LOW));
    rows.put("prasugrel", row(SHARED, holdDays(10), holdDays(10), 24, 24, 24, "U", SHARED_LOW));
    rows.put("ticagrelor", row(SHARED, holdDays(5), holdDays(5), 24, 24, 24, "U", SHARED_LOW));
    rows.put(
        "cangrelor",
        row(
            SHARED,
            hold(3),
            hold(3),
            null,
            null,
            null,
            "S / U",
            "the reference gives no restart interval"));
    // §1b glycoprotein IIb/IIIa row: 2015 values for high risk only, "U for 2018"
    String gp2015 = "2015-edition values; none given for low- and intermediate-risk procedures";
    rows.put("abciximab", row(SHARED, SHARED, holdDays(5), 12, 12, 12, "U", gp2015));
    rows.put("eptifibatide", row(SHARED, SHARED, hold(24), 12, 12, 12, "U", gp2015));
    rows.put("tirofiban", row(SHARED, SHARED, hold(24), 12, 12, 12, "U", gp2015));
    rows.put(
        "dietary-supplements",
        row(
            CONTINUE,
            CONTINUE,
            SHARED,
            null,
            null,
            null,
            "U",
            "ASRA 2018 added advice on supplements; the intervals were not recovered"));
    // §1c: non-aspirin NSAIDs are stopped for high-risk procedures only, by 5 half-lives
    nsaid(rows, NsaidHalfLife.SHORT, 1);
    nsaid(rows, NsaidHalfLife.INTERMEDIATE, 2);
    nsaid(rows, NsaidHalfLife.LONG, 4);
    nsaid(rows, NsaidHalfLife.VERY_LONG, 6);
    nsaid(rows, NsaidHalfLife.EXTRA_LONG, 10);
    rows.put(
        "celecoxib",
        new IntervalRow(
            CONTINUE,
            CONTINUE,
            CONTINUE,
            null,
            null,
            null,
            SECTION_1C,
            "U",
            "COX-2 selective: commonly not stopped"));
    return rows;
  }

  static String nsaidKey(NsaidHalfLife halfLife) {
    return "nsaid-" + halfLife.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }

  private static void nsaid(Map<String, IntervalRow> rows, NsaidHalfLife halfLife, int days) {
    rows.put(
        nsaidKey(halfLife),
        new IntervalRow(CONTINUE, CONTINUE, holdDays(days), 24, 24, 24, SECTION_1C, "S", null));
  }

  private static IntervalRow row(
      Step low,
      Step intermediate,
      Step high,
      Integer restartLow,
      Integer restartIntermediate,
      Integer restartHigh,
      String status,
      String note) {
    return new IntervalRow(
        low,
        intermediate,
        high,
        restartLow,
        restartIntermediate,
        restartHigh,
        SECTION_1B,
        status,
        note);
  }
}
