package org.relief.procedures;

/**
 * How the units of a code follow from what was done, read from the unit rule of clinical-rules.md
 * §5d as the catalogue words it. {@link #CHOICE} codes depend on a choice the note does not record
 * (device implanted, technique, payer variant) and are offered to the coder, not derived.
 */
public enum UnitBasis {
  FIRST_LEVEL,
  SECOND_LEVEL,
  THIRD_AND_FURTHER_LEVELS,
  EACH_ADDITIONAL_LEVEL,
  PER_SESSION,
  PER_SIDE,
  ONE_OR_TWO_MUSCLES,
  THREE_OR_MORE_MUSCLES,
  PER_LEAD,
  PER_GENERATOR,
  CHOICE;

  /** The basis of a unit rule as the catalogue words it; fails for wording it does not know. */
  static UnitBasis of(String unitRule) {
    return switch (unitRule) {
      case "1 unit for the first level", "1 unit for the first joint" -> FIRST_LEVEL;
      case "add-on: 1 unit for the second level" -> SECOND_LEVEL;
      case "add-on: 1 unit for the third and any further levels" -> THIRD_AND_FURTHER_LEVELS;
      case "add-on: 1 unit per additional level", "add-on: 1 unit per additional joint" ->
          EACH_ADDITIONAL_LEVEL;
      case "1 unit per session",
              "1 unit per session, whatever the number of levels",
              "1 unit per catheter" ->
          PER_SESSION;
      case "1 unit per side",
              "1 unit per knee, whatever the number of nerves",
              "1 unit per joint injected" ->
          PER_SIDE;
      case "1 unit per session when 1–2 muscles are injected" -> ONE_OR_TWO_MUSCLES;
      case "1 unit per electrode array (lead)", "1 unit per electrode array" -> PER_LEAD;
      case "1 unit per session when 3 or more muscles are injected, instead of 20552" ->
          THREE_OR_MORE_MUSCLES;
      case "1 unit per generator" -> PER_GENERATOR;
      default -> {
        if (unitRule.contains("instead of") || unitRule.contains("by the device implanted")) {
          yield CHOICE;
        }
        throw new IllegalStateException("No unit basis for the rule: " + unitRule);
      }
    };
  }
}
