package org.relief.assessments;

import java.util.List;
import java.util.Optional;

/**
 * The definition of an instrument as Relief scores it.
 *
 * @param code stable code used in the API ({@code odi}, {@code phq9}, ...)
 * @param shortName the abbreviation clinicians use, as in messages ("ODI", "PHQ-9")
 * @param source where the scoring rule comes from (a section of clinical-rules.md)
 * @param licence what we may ship of the instrument, and why only labels are shown
 * @param missingItems how unanswered items are handled, in words
 * @param unconfirmed rules used in scoring that are not yet confirmed against the primary source
 */
public record Instrument(
    String code,
    String name,
    String shortName,
    String version,
    String source,
    String licence,
    List<Item> items,
    double minScore,
    double maxScore,
    String missingItems,
    List<String> unconfirmed) {

  public Instrument {
    items = List.copyOf(items);
    unconfirmed = List.copyOf(unconfirmed);
  }

  /** The item with this key, if the instrument has one. */
  public Optional<Item> item(String key) {
    return items.stream().filter(i -> i.key().equals(key)).findFirst();
  }
}
