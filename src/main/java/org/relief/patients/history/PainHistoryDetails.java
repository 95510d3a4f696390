package org.relief.patients.history;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/** What the pain history form records; also what an edit changes. Sets keep the enum order. */
public record PainHistoryDetails(
    Onset onset,
    OnsetMechanism mechanism,
    String mechanismNote,
    Set<PainCharacter> characters,
    Set<AggravatingFactor> aggravating,
    String aggravatingOther,
    Set<RelievingFactor> relieving,
    String relievingOther,
    List<PriorTreatment> treatments) {

  /** The pain's character as the chart lists it. */
  public String characterText() {
    return listed(labels(characters), null);
  }

  /** What makes the pain worse, coded factors first, then the free text. */
  public String worseWithText() {
    return listed(labels(aggravating), aggravatingOther);
  }

  /** What eases the pain, coded factors first, then the free text. */
  public String betterWithText() {
    return listed(labels(relieving), relievingOther);
  }

  private static List<String> labels(Collection<? extends Enum<?>> values) {
    List<String> labels = new ArrayList<>();
    for (Enum<?> v : values) {
      if (v instanceof PainCharacter c) {
        labels.add(c.label());
      } else if (v instanceof AggravatingFactor f) {
        labels.add(f.label());
      } else if (v instanceof RelievingFactor f) {
        labels.add(f.label());
      }
    }
    return labels;
  }

  private static String listed(List<String> labels, String other) {
    String coded = String.join(", ", labels);
    if (other == null || other.isBlank()) {
      return coded.isEmpty() ? "—" : coded;
    }
    return coded.isEmpty() ? other : coded + "; " + other;
  }
}
