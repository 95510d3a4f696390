package org.relief.assessments.questionnaires;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.relief.assessments.Instrument;
import org.relief.assessments.Item;

/**
 * The answers a patient can tap for an item: every whole number of its range, the ends named in our
 * own neutral words where the scale's meaning is known (clinical-rules.md §3). The licensed answer
 * wording is not shipped (docs/instruments.md).
 */
final class AnswerChoices {

  /** One answer button. */
  record Choice(int value, String meaning) {}

  private static final Map<String, String[]> ENDS =
      Map.ofEntries(
          Map.entry("nrs", new String[] {"no pain", "worst pain imaginable"}),
          Map.entry("bpi-sf", new String[] {"none", "worst"}),
          Map.entry("peg", new String[] {"none", "worst"}),
          Map.entry("odi", new String[] {"no difficulty", "most severe"}),
          Map.entry("ndi", new String[] {"no difficulty", "most severe"}),
          Map.entry("phq9", new String[] {"not at all", "nearly every day"}),
          Map.entry("gad7", new String[] {"not at all", "nearly every day"}),
          Map.entry("pcs", new String[] {"not at all", "all the time"}),
          Map.entry("pgic", new String[] {"very much improved", "very much worse"}));

  private AnswerChoices() {}

  static List<Choice> of(Instrument instrument, Item item) {
    List<Choice> choices = new ArrayList<>();
    String[] ends = ENDS.get(instrument.code());
    for (int v = item.min(); v <= item.max(); v++) {
      String meaning = "";
      if (item.min() == 0 && item.max() == 1) {
        meaning = v == 0 ? "no" : "yes";
      } else if (ends != null && v == item.min()) {
        meaning = ends[0];
      } else if (ends != null && v == item.max()) {
        meaning = ends[1];
      }
      choices.add(new Choice(v, meaning));
    }
    return choices;
  }
}
