package org.relief.careers.specialists;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import org.relief.careers.jobs.UsStates;
import org.relief.platform.RuleViolation;

/**
 * Reads typed form values, refusing what cannot be read with a message that names the field. Blank
 * optional values are null.
 */
public final class FormValues {

  private FormValues() {}

  public static String text(String value, int max, String field) {
    String v = value == null ? "" : value.strip();
    if (v.length() > max) {
      throw new RuleViolation("too-long", "The " + field + " has at most " + max + " characters.");
    }
    return v;
  }

  public static String requiredText(String value, int max, String field) {
    String v = text(value, max, field);
    if (v.isEmpty()) {
      throw new RuleViolation("missing-" + slug(field), "Give the " + field + ".");
    }
    return v;
  }

  public static LocalDate date(String value, String field) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new RuleViolation(
          "invalid-date", "The " + field + " is not a date; write it as 2027-06-30.");
    }
  }

  public static LocalDate requiredDate(String value, String field) {
    LocalDate d = date(value, field);
    if (d == null) {
      throw new RuleViolation("missing-" + slug(field), "Give the " + field + ".");
    }
    return d;
  }

  public static YearMonth month(String value, String field) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return YearMonth.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new RuleViolation(
          "invalid-month", "The " + field + " is not a month; write it as 2026-03.");
    }
  }

  public static Integer whole(String value, int min, int max, String field) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      int n = Integer.parseInt(value.strip().replace(",", "").replace("$", ""));
      if (n < min || n > max) {
        throw new RuleViolation(
            "out-of-range", "The " + field + " must be between " + min + " and " + max + ".");
      }
      return n;
    } catch (NumberFormatException e) {
      throw new RuleViolation("invalid-number", "The " + field + " must be a whole number.");
    }
  }

  public static BigDecimal decimal(String value, String min, String max, String field) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      BigDecimal n = new BigDecimal(value.strip());
      if (n.compareTo(new BigDecimal(min)) < 0 || n.compareTo(new BigDecimal(max)) > 0) {
        throw new RuleViolation(
            "out-of-range", "The " + field + " must be between " + min + " and " + max + ".");
      }
      return n;
    } catch (NumberFormatException e) {
      throw new RuleViolation("invalid-number", "The " + field + " must be a number.");
    }
  }

  /** A state code, or null when blank; anything else is refused. */
  public static String state(String value, String field) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String code = UsStates.code(value);
    if (code == null) {
      throw new RuleViolation(
          "invalid-state", "The " + field + " must be a two-letter US state such as TX.");
    }
    return code;
  }

  public static String requiredState(String value, String field) {
    String s = state(value, field);
    if (s == null) {
      throw new RuleViolation(
          "missing-" + slug(field), "Give the " + field + " as a two-letter US state such as TX.");
    }
    return s;
  }

  /** A list of state codes separated by commas or spaces, each once. */
  public static List<String> states(String value, String field) {
    LinkedHashSet<String> codes = new LinkedHashSet<>();
    for (String part : (value == null ? "" : value).split("[,;\\s]+")) {
      if (!part.isBlank()) {
        codes.add(requiredState(part, field));
      }
    }
    return new ArrayList<>(codes);
  }

  public static <E extends Enum<E>> E choice(Class<E> type, String value, String field) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String name = value.strip().toUpperCase(Locale.ROOT);
    return Arrays.stream(type.getEnumConstants())
        .filter(e -> e.name().equals(name))
        .findFirst()
        .orElseThrow(
            () -> new RuleViolation("invalid-choice", "Choose the " + field + " from the list."));
  }

  public static <E extends Enum<E>> E requiredChoice(Class<E> type, String value, String field) {
    E e = choice(type, value, field);
    if (e == null) {
      throw new RuleViolation("missing-" + slug(field), "Choose the " + field + ".");
    }
    return e;
  }

  private static String slug(String field) {
    return field.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
  }
}
