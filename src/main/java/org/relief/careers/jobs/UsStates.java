package org.relief.careers.jobs;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** The two-letter USPS codes of the states, DC and the territories with medical boards. */
public final class UsStates {

  public static final List<String> CODES =
      List.copyOf(
          new TreeSet<>(
              Set.of(
                  "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL",
                  "IN", "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT",
                  "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI",
                  "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "DC", "PR",
                  "GU", "VI")));

  private UsStates() {}

  /** The code in upper case, or null when {@code text} is not one. */
  public static String code(String text) {
    if (text == null) {
      return null;
    }
    String code = text.strip().toUpperCase(Locale.ROOT);
    return CODES.contains(code) ? code : null;
  }
}
