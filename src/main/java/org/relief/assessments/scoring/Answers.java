package org.relief.assessments.scoring;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.relief.assessments.Instrument;
import org.relief.assessments.InvalidAnswers;
import org.relief.assessments.Item;

/**
 * Answers checked against an instrument's items: every key is one of its items and every value a
 * whole number within the item's range. Keys are matched ignoring case and surrounding spaces
 * ({@code "9A"} is item 9a); a {@code null} value counts as unanswered, like an omitted item.
 */
public final class Answers {

  private final Instrument instrument;
  private final Map<String, Integer> values;

  private Answers(Instrument instrument, Map<String, Integer> values) {
    this.instrument = instrument;
    this.values = values;
  }

  /** Checks raw answers (JSON numbers or Java integers) and refuses the first wrong one. */
  public static Answers check(Instrument instrument, Map<String, ?> raw) {
    Map<String, Integer> values = new LinkedHashMap<>();
    if (raw != null) {
      for (Map.Entry<String, ?> entry : raw.entrySet()) {
        String key = entry.getKey() == null ? "" : entry.getKey().trim().toLowerCase(Locale.ROOT);
        Item item =
            instrument
                .item(key)
                .orElseThrow(
                    () ->
                        new InvalidAnswers(
                            InvalidAnswers.UNKNOWN_ITEM,
                            instrument.shortName()
                                + " has no item "
                                + quoted(entry.getKey())
                                + "; its items are "
                                + String.join(", ", keys(instrument.items()))
                                + "."));
        if (entry.getValue() == null) {
          continue;
        }
        BigInteger value = wholeNumber(entry.getValue());
        if (value == null) {
          throw new InvalidAnswers(
              InvalidAnswers.NOT_A_WHOLE_NUMBER,
              instrument.shortName()
                  + " item "
                  + item.key()
                  + " must be a whole number from "
                  + item.min()
                  + " to "
                  + item.max()
                  + "; got "
                  + shown(entry.getValue())
                  + ".");
        }
        if (value.compareTo(BigInteger.valueOf(item.min())) < 0
            || value.compareTo(BigInteger.valueOf(item.max())) > 0) {
          throw new InvalidAnswers(
              InvalidAnswers.OUT_OF_RANGE,
              instrument.shortName()
                  + " item "
                  + item.key()
                  + " ("
                  + item.label()
                  + ") must be between "
                  + item.min()
                  + " and "
                  + item.max()
                  + "; got "
                  + value
                  + ".");
        }
        values.put(item.key(), value.intValueExact());
      }
    }
    return new Answers(instrument, values);
  }

  public Instrument instrument() {
    return instrument;
  }

  /** The answer to an item, or {@code null} if it was not answered. */
  public Integer get(String key) {
    return values.get(key);
  }

  public boolean answered(String key) {
    return values.containsKey(key);
  }

  /** How many of the instrument's scored items were answered. */
  public int answeredScored() {
    return (int)
        instrument.items().stream().filter(Item::scored).filter(i -> answered(i.key())).count();
  }

  /** The keys among {@code keys} that were not answered, in order. */
  public List<String> missing(List<String> keys) {
    return keys.stream().filter(k -> !answered(k)).toList();
  }

  /** The sum of the answered items among {@code keys}. */
  public int sum(List<String> keys) {
    return keys.stream().filter(this::answered).mapToInt(values::get).sum();
  }

  /** The instrument's scored item keys, in order. */
  public List<String> scoredKeys() {
    return instrument.items().stream().filter(Item::scored).map(Item::key).toList();
  }

  /** Refuses the answers unless every one of {@code keys} was answered. */
  public void requireAll(List<String> keys, String what) {
    List<String> missing = missing(keys);
    if (!missing.isEmpty()) {
      throw tooManyMissing(
          instrument.shortName()
              + " needs "
              + what
              + " answered; "
              + (missing.size() == 1 ? "item " : "items ")
              + String.join(", ", missing)
              + (missing.size() == 1 ? " is" : " are")
              + " missing.");
    }
  }

  public static InvalidAnswers tooManyMissing(String message) {
    return new InvalidAnswers(InvalidAnswers.TOO_MANY_MISSING, message);
  }

  // Only integral JSON numbers count: 2.0, "2" and true are refused, so that a client's bug is
  // seen instead of guessed at (docs/decisions/0011-answers-are-json-integers.md).
  private static BigInteger wholeNumber(Object value) {
    if (value instanceof Integer
        || value instanceof Long
        || value instanceof Short
        || value instanceof Byte) {
      return BigInteger.valueOf(((Number) value).longValue());
    }
    if (value instanceof BigInteger big) {
      return big;
    }
    return null;
  }

  private static List<String> keys(List<Item> items) {
    List<String> keys = new ArrayList<>();
    items.forEach(i -> keys.add(i.key()));
    return keys;
  }

  private static String quoted(String key) {
    return "\"" + shorten(key) + "\"";
  }

  private static String shown(Object value) {
    return value instanceof String s ? quoted(s) : shorten(String.valueOf(value));
  }

  static String shorten(String text) {
    if (text == null) {
      return "";
    }
    return text.length() > 40 ? text.substring(0, 40) + "…" : text;
  }
}
