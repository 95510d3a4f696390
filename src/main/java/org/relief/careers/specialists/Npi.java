package org.relief.careers.specialists;

/**
 * The National Provider Identifier: ten digits whose last is a Luhn check digit computed over the
 * first nine prefixed with {@code 80840} (the US health-industry issuer prefix, 45 CFR 162.406 and
 * the CMS "NPI check digit" note), so that a mistyped NPI is refused before anyone relies on it.
 */
public final class Npi {

  private static final String PREFIX = "80840";

  private Npi() {}

  /** Whether {@code npi} is ten digits with a correct check digit. */
  public static boolean valid(String npi) {
    if (npi == null || !npi.matches("\\d{10}")) {
      return false;
    }
    return checkDigit(npi.substring(0, 9)) == npi.charAt(9) - '0';
  }

  /** The check digit for the first nine digits of an NPI. */
  static int checkDigit(String firstNine) {
    String payload = PREFIX + firstNine;
    int sum = 0;
    boolean doubled = true;
    for (int i = payload.length() - 1; i >= 0; i--) {
      int d = payload.charAt(i) - '0';
      if (doubled) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      doubled = !doubled;
    }
    return (10 - sum % 10) % 10;
  }
}
