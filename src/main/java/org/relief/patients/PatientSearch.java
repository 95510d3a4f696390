package org.relief.patients;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the front desk types into the one search box, understood as one of: a birth date ({@code
 * 1961-04-23} or {@code 04/23/1961}), an MRN (digits, or letters and digits with at least one
 * digit), or parts of a name in any order ("gar mar", "Garcia, Maria").
 */
public record PatientSearch(Kind kind, String mrn, LocalDate birthDate, List<String> nameParts) {

  /** How the query was understood. */
  public enum Kind {
    EMPTY,
    MRN,
    BIRTH_DATE,
    NAME
  }

  private static final Pattern MRN = Pattern.compile("(?=.*\\d)[A-Za-z0-9-]{1,20}");
  private static final DateTimeFormatter US_DATE = DateTimeFormatter.ofPattern("M/d/uuuu");

  public static PatientSearch of(String query) {
    String q = query == null ? "" : query.strip();
    if (q.isEmpty()) {
      return new PatientSearch(Kind.EMPTY, null, null, List.of());
    }
    Optional<LocalDate> date = date(q);
    if (date.isPresent()) {
      return new PatientSearch(Kind.BIRTH_DATE, null, date.get(), List.of());
    }
    if (MRN.matcher(q).matches()) {
      return new PatientSearch(Kind.MRN, q.toUpperCase(Locale.ROOT), null, List.of());
    }
    List<String> parts =
        Arrays.stream(q.toLowerCase(Locale.ROOT).split("[\\s,]+"))
            .filter(p -> !p.isBlank())
            .limit(4)
            .map(p -> p.length() > 50 ? p.substring(0, 50) : p)
            .toList();
    return new PatientSearch(Kind.NAME, null, null, parts);
  }

  private static Optional<LocalDate> date(String q) {
    try {
      if (q.matches("\\d{4}-\\d{2}-\\d{2}")) {
        return Optional.of(LocalDate.parse(q));
      }
      if (q.matches("\\d{1,2}/\\d{1,2}/\\d{4}")) {
        return Optional.of(LocalDate.parse(q, US_DATE));
      }
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }
}
