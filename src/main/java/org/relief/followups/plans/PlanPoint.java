package org.relief.followups.plans;

import java.time.Period;
import java.util.Arrays;
import java.util.List;
import org.relief.platform.RuleViolation;

/**
 * One time point of a follow-up plan.
 *
 * @param timepoint an ISO-8601 period after the procedure ({@code P1D}, {@code P2W}, {@code P3M})
 * @param instruments assessment codes to send; {@link #DISABILITY} stands for the disability index
 *     that fits the region treated
 * @param windowDays how many days before and after the due date the follow-up may be done
 */
public record PlanPoint(String timepoint, Kind kind, List<String> instruments, int windowDays) {

  /** Stands for ODI after a lumbar, thoracic or sacral procedure and NDI after a cervical one. */
  public static final String DISABILITY = "disability";

  public PlanPoint {
    instruments = List.copyOf(instruments);
  }

  /** How the patient is followed up at this point. */
  public enum Kind {
    CALL("call", "Phone call"),
    QUESTIONNAIRE("questionnaire", "Questionnaire");

    private final String code;
    private final String label;

    Kind(String code, String label) {
      this.code = code;
      this.label = label;
    }

    public String code() {
      return code;
    }

    public String label() {
      return label;
    }

    public static Kind fromCode(String code) {
      return Arrays.stream(values())
          .filter(k -> k.code.equals(code))
          .findFirst()
          .orElseThrow(
              () ->
                  new RuleViolation(
                      "unknown-kind",
                      "Unknown kind \"%s\": use call or questionnaire.".formatted(code)));
    }
  }

  public Period period() {
    return Period.parse(timepoint);
  }

  /** Days after the procedure, months counted as 30 days, for ordering only. */
  int approximateDays() {
    Period p = period();
    return p.getYears() * 365 + p.getMonths() * 30 + p.getDays();
  }

  /** The line that describes this point in the plan editor. */
  public String line() {
    String what = instruments.isEmpty() ? "" : " " + String.join(" ", instruments);
    return timepoint + " " + kind.code() + what + " ±" + windowDays;
  }
}
