package org.relief.followups.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.relief.followups.RedFlag;
import org.relief.followups.plans.PlanPoint.Kind;

/**
 * One scheduled follow-up of a performed procedure: due {@code timepoint} after it, to be done
 * within {@code windowDays} either side of {@code dueOn}.
 */
public record FollowUp(
    long id,
    long procedureId,
    long patientId,
    long physicianUserId,
    String procedureType,
    long planId,
    String timepoint,
    Kind kind,
    List<String> instruments,
    LocalDate dueOn,
    int windowDays,
    Status status,
    Instant linkSentAt,
    List<Long> questionnaireIds,
    List<Long> responseIds,
    LocalDate answeredOn,
    List<RedFlag> redFlags,
    Instant redFlagsAt,
    int callAttempts,
    Instant handledAt) {

  public FollowUp {
    instruments = List.copyOf(instruments);
    questionnaireIds = List.copyOf(questionnaireIds);
    responseIds = List.copyOf(responseIds);
    redFlags = List.copyOf(redFlags);
  }

  /** Where a follow-up stands. */
  public enum Status {
    SCHEDULED("scheduled", "Scheduled"),
    SENT("sent", "Link sent"),
    ANSWERED("answered", "Answered"),
    CALLED("called", "Called"),
    MISSED("missed", "Missed");

    private final String code;
    private final String label;

    Status(String code, String label) {
      this.code = code;
      this.label = label;
    }

    public String code() {
      return code;
    }

    public String label() {
      return label;
    }

    static Status fromCode(String code) {
      return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst().orElseThrow();
    }
  }

  public LocalDate opensOn() {
    return dueOn.minusDays(windowDays);
  }

  public LocalDate closesOn() {
    return dueOn.plusDays(windowDays);
  }

  /** Whether the follow-up may still be done on this day. */
  public boolean openOn(LocalDate day) {
    return !day.isBefore(opensOn()) && !day.isAfter(closesOn());
  }

  public boolean open() {
    return status == Status.SCHEDULED || status == Status.SENT;
  }
}
