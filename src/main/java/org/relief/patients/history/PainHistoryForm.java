package org.relief.patients.history;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.relief.platform.RuleViolation;
import org.springframework.util.MultiValueMap;

/**
 * The pain history form exactly as typed: strings, so that a refused form shows what was typed.
 * Treatment rows are posted as {@code treatments[i].field}; blank rows are ignored.
 */
record PainHistoryForm(
    String onsetDate,
    String onsetMonth,
    String onsetYear,
    String mechanism,
    String mechanismNote,
    Set<String> characters,
    Set<String> aggravating,
    String aggravatingOther,
    Set<String> relieving,
    String relievingOther,
    List<TreatmentRow> treatments,
    String version) {

  /** Blank treatment rows offered at the end of the form. */
  static final int BLANK_ROWS = 2;

  private static final Pattern ROW = Pattern.compile("treatments\\[(\\d{1,2})]\\.(\\w+)");

  /** One row of the prior treatments table, as typed. */
  record TreatmentRow(String type, String description, String from, String to, String effect) {

    static TreatmentRow blank() {
      return new TreatmentRow("", "", "", "", "");
    }

    boolean isBlank() {
      return empty(type) && empty(description) && empty(from) && empty(to) && empty(effect);
    }
  }

  static PainHistoryForm empty() {
    return new PainHistoryForm(
        "", "", "", "", "", Set.of(), Set.of(), "", Set.of(), "", List.of(), null);
  }

  static PainHistoryForm of(PainHistory history) {
    PainHistoryDetails d = history.details();
    Onset onset = d.onset();
    boolean exact = onset != null && onset.precision() == OnsetPrecision.DAY;
    return new PainHistoryForm(
        exact ? onset.date().toString() : "",
        onset != null && onset.precision() == OnsetPrecision.MONTH
            ? Integer.toString(onset.date().getMonthValue())
            : "",
        onset != null && !exact ? Integer.toString(onset.date().getYear()) : "",
        d.mechanism() == null ? "" : d.mechanism().name(),
        orEmpty(d.mechanismNote()),
        names(d.characters()),
        names(d.aggravating()),
        orEmpty(d.aggravatingOther()),
        names(d.relieving()),
        orEmpty(d.relievingOther()),
        d.treatments().stream()
            .map(
                t ->
                    new TreatmentRow(
                        t.type().name(),
                        orEmpty(t.description()),
                        t.startedOn() == null ? "" : t.startedOn().toString(),
                        t.endedOn() == null ? "" : t.endedOn().toString(),
                        t.effect() == null ? "" : t.effect().name()))
            .toList(),
        Integer.toString(history.version()));
  }

  static PainHistoryForm from(MultiValueMap<String, String> params) {
    TreeMap<Integer, String[]> rows = new TreeMap<>();
    for (var entry : params.entrySet()) {
      Matcher m = ROW.matcher(entry.getKey());
      if (m.matches()) {
        String[] row = rows.computeIfAbsent(Integer.parseInt(m.group(1)), i -> new String[5]);
        int field =
            switch (m.group(2)) {
              case "type" -> 0;
              case "description" -> 1;
              case "from" -> 2;
              case "to" -> 3;
              case "effect" -> 4;
              default -> -1;
            };
        if (field >= 0) {
          row[field] = entry.getValue().isEmpty() ? "" : entry.getValue().get(0);
        }
      }
    }
    List<TreatmentRow> treatments = new ArrayList<>();
    for (String[] r : rows.values()) {
      TreatmentRow row =
          new TreatmentRow(
              orEmpty(r[0]), orEmpty(r[1]), orEmpty(r[2]), orEmpty(r[3]), orEmpty(r[4]));
      if (!row.isBlank()) {
        treatments.add(row);
      }
    }
    return new PainHistoryForm(
        first(params, "onsetDate"),
        first(params, "onsetMonth"),
        first(params, "onsetYear"),
        first(params, "mechanism"),
        first(params, "mechanismNote"),
        all(params, "characters"),
        all(params, "aggravating"),
        first(params, "aggravatingOther"),
        all(params, "relieving"),
        first(params, "relievingOther"),
        List.copyOf(treatments),
        params.getFirst("version"));
  }

  /** The same form with blank rows to type more treatments into. */
  PainHistoryForm withBlankRows(int count) {
    List<TreatmentRow> rows = new ArrayList<>(treatments);
    for (int i = 0; i < count; i++) {
      rows.add(TreatmentRow.blank());
    }
    return new PainHistoryForm(
        onsetDate,
        onsetMonth,
        onsetYear,
        mechanism,
        mechanismNote,
        characters,
        aggravating,
        aggravatingOther,
        relieving,
        relievingOther,
        List.copyOf(rows),
        version);
  }

  /** The version the editor saw, null for a first history; refuses a tampered value. */
  Integer expectedVersion() {
    if (empty(version)) {
      return null;
    }
    try {
      return Integer.valueOf(version.strip());
    } catch (NumberFormatException e) {
      throw new RuleViolation("invalid-version", "The form is incomplete; open the history again.");
    }
  }

  /** What the form says, read into codes and dates; says which field could not be read. */
  PainHistoryDetails details() {
    return new PainHistoryDetails(
        onset(),
        empty(mechanism) ? null : code(OnsetMechanism.class, mechanism, "way the pain began"),
        mechanismNote,
        codes(PainCharacter.class, characters, "pain character"),
        codes(AggravatingFactor.class, aggravating, "aggravating factor"),
        aggravatingOther,
        codes(RelievingFactor.class, relieving, "relieving factor"),
        relievingOther,
        priorTreatments());
  }

  private List<PriorTreatment> priorTreatments() {
    List<PriorTreatment> result = new ArrayList<>();
    for (int i = 0; i < treatments.size(); i++) {
      TreatmentRow r = treatments.get(i);
      String where = "Prior treatment " + (i + 1) + ": ";
      if (empty(r.type())) {
        throw new RuleViolation("missing-treatment-type", where + "choose the type of treatment.");
      }
      result.add(
          new PriorTreatment(
              code(TreatmentType.class, r.type(), "type of treatment"),
              r.description(),
              date(r.from(), where + "the start date must be a date such as 2023-05-01."),
              date(r.to(), where + "the end date must be a date such as 2023-08-31."),
              empty(r.effect()) ? null : code(TreatmentEffect.class, r.effect(), "effect")));
    }
    return result;
  }

  private Onset onset() {
    boolean hasDate = !empty(onsetDate);
    boolean hasMonth = !empty(onsetMonth);
    boolean hasYear = !empty(onsetYear);
    if (hasDate && (hasMonth || hasYear)) {
      throw new RuleViolation(
          "onset-twice", "Give the onset either as an exact date or as month and year, not both.");
    }
    if (hasDate) {
      return Onset.exact(date(onsetDate, "The onset date must be a date such as 2024-03-15."));
    }
    if (hasMonth && !hasYear) {
      throw new RuleViolation("onset-month-without-year", "Give the year of onset with the month.");
    }
    if (!hasYear) {
      return null;
    }
    int year;
    try {
      year = Integer.parseInt(onsetYear.strip());
    } catch (NumberFormatException e) {
      throw new RuleViolation("invalid-onset-year", "The onset year must be a year such as 2019.");
    }
    if (year < 1900 || year > 9999) {
      throw new RuleViolation("invalid-onset-year", "The onset year must be a year such as 2019.");
    }
    if (!hasMonth) {
      return Onset.year(year);
    }
    int month;
    try {
      month = Integer.parseInt(onsetMonth.strip());
    } catch (NumberFormatException e) {
      month = 0;
    }
    if (month < 1 || month > 12) {
      throw new RuleViolation("invalid-onset-month", "Choose the onset month from the list.");
    }
    return Onset.month(year, month);
  }

  private static LocalDate date(String value, String message) {
    if (empty(value)) {
      return null;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new RuleViolation("invalid-date", message);
    }
  }

  private static <E extends Enum<E>> E code(Class<E> type, String value, String what) {
    try {
      return Enum.valueOf(type, value.strip());
    } catch (IllegalArgumentException e) {
      throw new RuleViolation(
          "unknown-code", "'" + value + "' is not a " + what + " Relief knows.");
    }
  }

  private static <E extends Enum<E>> Set<E> codes(Class<E> type, Set<String> values, String what) {
    EnumSet<E> set = EnumSet.noneOf(type);
    for (String v : values) {
      set.add(code(type, v, what));
    }
    return set;
  }

  private static Set<String> names(Set<? extends Enum<?>> values) {
    Set<String> names = new LinkedHashSet<>();
    values.forEach(v -> names.add(v.name()));
    return names;
  }

  private static String first(MultiValueMap<String, String> params, String name) {
    return orEmpty(params.getFirst(name));
  }

  private static Set<String> all(MultiValueMap<String, String> params, String name) {
    List<String> values = params.get(name);
    if (values == null) {
      return Set.of();
    }
    Set<String> set = new LinkedHashSet<>();
    values.stream().filter(v -> !v.isBlank()).forEach(set::add);
    return set;
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }

  private static boolean empty(String s) {
    return s == null || s.isBlank();
  }
}
