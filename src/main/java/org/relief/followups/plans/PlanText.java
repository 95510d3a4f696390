package org.relief.followups.plans;

import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.relief.followups.plans.PlanPoint.Kind;
import org.relief.platform.RuleViolation;

/**
 * Reads a plan as typed in the editor: one time point a line, {@code P2W questionnaire nrs pgic ±3}
 * — the period after the procedure, call or questionnaire, the instruments, and the window in days
 * either side ({@code +-3} is read as {@code ±3}). Every refusal names the line.
 */
final class PlanText {

  static final int MAX_WINDOW_DAYS = 60;
  private static final Pattern WINDOW = Pattern.compile("(?:±|\\+-|\\+/-)(\\d{1,3})");
  private static final Pattern PERIOD = Pattern.compile("P(\\d+Y)?(\\d+M)?(\\d+W)?(\\d+D)?");

  private PlanText() {}

  static List<PlanPoint> parse(String text, Predicate<String> knownInstrument) {
    List<PlanPoint> points = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    String[] lines = text == null ? new String[0] : text.split("\\R");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty()) {
        continue;
      }
      PlanPoint point = line(i + 1, line, knownInstrument);
      if (!seen.add(point.timepoint())) {
        throw refused(i + 1, point.timepoint() + " is in the plan twice.");
      }
      points.add(point);
    }
    if (points.isEmpty()) {
      throw new RuleViolation(
          "plan-empty", "Give at least one time point, e.g. \"P2W questionnaire nrs pgic ±3\".");
    }
    points.sort(Comparator.comparingInt(PlanPoint::approximateDays));
    return points;
  }

  private static PlanPoint line(int number, String line, Predicate<String> knownInstrument) {
    String[] words = line.split("\\s+");
    if (words.length < 3) {
      throw refused(
          number, "write the period, call or questionnaire, the instruments and the window (±N).");
    }
    String timepoint = words[0].toUpperCase(java.util.Locale.ROOT);
    if (!PERIOD.matcher(timepoint).matches() || timepoint.equals("P")) {
      throw refused(
          number, "\"%s\" is not a period such as P1D, P2W, P3M or P1Y.".formatted(words[0]));
    }
    try {
      Period.parse(timepoint);
    } catch (DateTimeParseException e) {
      throw refused(number, "\"%s\" is not a period such as P1D, P2W or P3M.".formatted(words[0]));
    }
    Kind kind;
    try {
      kind = Kind.fromCode(words[1].toLowerCase(java.util.Locale.ROOT));
    } catch (RuleViolation e) {
      throw refused(number, "\"%s\" is not call or questionnaire.".formatted(words[1]));
    }
    Matcher window = WINDOW.matcher(words[words.length - 1]);
    if (!window.matches()) {
      throw refused(number, "end the line with the window in days, e.g. ±3.");
    }
    int days = Integer.parseInt(window.group(1));
    if (days > MAX_WINDOW_DAYS) {
      throw refused(
          number, "a window of ±%d days is wider than ±%d.".formatted(days, MAX_WINDOW_DAYS));
    }
    List<String> instruments = new ArrayList<>();
    for (int w = 2; w < words.length - 1; w++) {
      String code = words[w].toLowerCase(java.util.Locale.ROOT).replace(",", "");
      if (code.isEmpty()) {
        continue;
      }
      if (!code.equals(PlanPoint.DISABILITY) && !knownInstrument.test(code)) {
        throw refused(
            number, "\"%s\" is not an instrument code (nrs, pgic, odi, ndi, ...).".formatted(code));
      }
      if (!instruments.contains(code)) {
        instruments.add(code);
      }
    }
    if (kind == Kind.QUESTIONNAIRE && instruments.isEmpty()) {
      throw refused(number, "a questionnaire needs at least one instrument.");
    }
    if (kind == Kind.CALL && !instruments.isEmpty()) {
      throw refused(number, "a phone call follows the call script; leave the instruments out.");
    }
    return new PlanPoint(timepoint, kind, instruments, days);
  }

  private static RuleViolation refused(int line, String reason) {
    return new RuleViolation("plan-line-invalid", "Line %d: %s".formatted(line, reason));
  }
}
