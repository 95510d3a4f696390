package org.relief.careers.jobs;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.relief.platform.RuleViolation;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The board's filters as typed, so that a refused search comes back with what was written and a
 * saved search can be run again from its link. {@link #search(Places)} reads it or refuses it with
 * the field and the reason.
 */
public record JobSearchForm(
    String state,
    String setting,
    String procedure,
    String minBase,
    String visa,
    String sort,
    String near,
    String miles,
    String call,
    String telemedicine) {

  /** The radius used when a place is given without one. */
  public static final int DEFAULT_MILES = 100;

  /** The widest radius: the lower 48 states fit in it. */
  public static final int MAX_MILES = 3000;

  public JobSearchForm {
    state = clean(state);
    setting = clean(setting);
    procedure = clean(procedure);
    minBase = clean(minBase);
    visa = clean(visa);
    sort = clean(sort);
    near = clean(near);
    miles = clean(miles);
    call = clean(call);
    telemedicine = clean(telemedicine);
  }

  public static JobSearchForm empty() {
    return new JobSearchForm(null, null, null, null, null, null, null, null, null, null);
  }

  /** The search this form asks for; a value that cannot be read is refused with its field. */
  public JobSearch search(Places places) {
    String stateCode = null;
    if (!state.isEmpty()) {
      stateCode = UsStates.code(state);
      if (stateCode == null) {
        throw new RuleViolation(
            "invalid-state", "'" + shortened(state) + "' is not a two-letter US state code.");
      }
    }
    Integer radius = null;
    Place place = null;
    if (!near.isEmpty()) {
      place = places.find(near);
      radius =
          miles.isEmpty()
              ? DEFAULT_MILES
              : whole(miles, "distance", 1, MAX_MILES, "a number of miles such as 50");
    } else if (!miles.isEmpty()) {
      whole(miles, "distance", 1, MAX_MILES, "a number of miles such as 50");
      throw new RuleViolation(
          "missing-place",
          "Give the place to measure the distance from: a city and state or a ZIP code.");
    }
    return new JobSearch(
        stateCode,
        choice(PracticeSetting.class, setting, "practice setting"),
        choice(ProcedureFamily.class, procedure, "procedure"),
        minBase.isEmpty()
            ? null
            : whole(
                minBase.replace("$", "").replace(",", ""),
                "lowest base",
                1,
                10_000_000,
                "a yearly amount in dollars such as 400000"),
        "true".equals(visa) ? Boolean.TRUE : null,
        choice(JobSearch.Sort.class, sort, "sort order"),
        place,
        radius,
        call.isEmpty()
            ? null
            : whole(
                call,
                "call limit",
                1,
                JobSearch.CALL_MONTH_NIGHTS,
                "the N of '1 in N nights', such as 4"),
        "true".equals(telemedicine));
  }

  /** The address of the board showing this search. */
  public String boardLink() {
    UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/jobs");
    String[][] fields = {
      {"state", state},
      {"setting", setting},
      {"procedure", procedure},
      {"minBase", minBase},
      {"visa", visa},
      {"telemedicine", telemedicine},
      {"call", call},
      {"near", near},
      {"miles", miles},
      {"sort", sort}
    };
    for (String[] f : fields) {
      if (!f[1].isEmpty()) {
        uri.queryParam(f[0], f[1]);
      }
    }
    return uri.encode().build().toUriString();
  }

  /** The search in words, for a saved search's line: "within 50 miles of Austin, TX · ASC". */
  public static String describe(JobSearch s, String nearAsTyped) {
    List<String> parts = new ArrayList<>();
    if (s.near() != null) {
      parts.add("Within " + s.withinMiles() + " miles of " + nearAsTyped);
    }
    if (s.state() != null) {
      parts.add("in " + s.state());
    }
    if (s.setting() != null) {
      parts.add(s.setting().label());
    }
    if (s.procedure() != null) {
      parts.add("requires " + s.procedure().label());
    }
    if (s.minBase() != null) {
      parts.add("base at least $" + NumberFormat.getIntegerInstance(Locale.US).format(s.minBase()));
    }
    if (s.callOneIn() != null) {
      parts.add("call at most 1 in " + s.callOneIn() + " nights");
    }
    if (s.visaOnly()) {
      parts.add("visa sponsorship");
    }
    if (s.telemedicine()) {
      parts.add("telemedicine");
    }
    return parts.isEmpty() ? "Every open posting" : String.join(" · ", parts);
  }

  private static <E extends Enum<E>> E choice(Class<E> type, String value, String field) {
    if (value.isEmpty()) {
      return null;
    }
    String name = value.toUpperCase(Locale.ROOT);
    return Arrays.stream(type.getEnumConstants())
        .filter(e -> e.name().equals(name))
        .findFirst()
        .orElseThrow(
            () -> new RuleViolation("invalid-choice", "Choose the " + field + " from the list."));
  }

  private static int whole(String value, String field, int min, int max, String example) {
    int n;
    try {
      n = Integer.parseInt(value.replace(",", ""));
    } catch (NumberFormatException e) {
      throw new RuleViolation(
          "invalid-number",
          "The "
              + field
              + " must be a whole number: "
              + example
              + " ('"
              + shortened(value)
              + "').");
    }
    if (n < min || n > max) {
      throw new RuleViolation(
          "out-of-range",
          "The " + field + " must be between " + min + " and " + max + ": " + example + ".");
    }
    return n;
  }

  private static String shortened(String value) {
    return value.length() > 40 ? value.substring(0, 40) + "…" : value;
  }

  private static String clean(String value) {
    return value == null ? "" : value.strip();
  }
}
