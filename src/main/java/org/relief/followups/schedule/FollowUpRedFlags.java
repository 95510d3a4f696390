package org.relief.followups.schedule;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.relief.audit.AuditActions;
import org.relief.audit.AuditEntry.Outcome;
import org.relief.audit.AuditTrail;
import org.relief.platform.PracticeSettings;
import org.relief.platform.RedFlag;
import org.relief.platform.RedFlagSource;
import org.springframework.stereotype.Component;

/**
 * The follow-up red flags for the pre-visit summary: follow-ups missed in the last six months, and
 * red-flag answers (fever, new weakness, ...) a patient gave at a follow-up in that time.
 */
@Component
class FollowUpRedFlags implements RedFlagSource {

  private static final int LOOK_BACK_DAYS = 183;

  private final FollowUpRepository followUps;
  private final AuditTrail audit;
  private final Clock clock;
  private final PracticeSettings practice;

  FollowUpRedFlags(
      FollowUpRepository followUps, AuditTrail audit, Clock clock, PracticeSettings practice) {
    this.followUps = followUps;
    this.audit = audit;
    this.clock = clock;
    this.practice = practice;
  }

  @Override
  public String checks() {
    return "missed follow-ups and red-flag answers in the last 6 months";
  }

  @Override
  public List<RedFlag> redFlags(long patientId) {
    LocalDate today = practice.today(clock);
    LocalDate since = today.minusDays(LOOK_BACK_DAYS);
    List<FollowUp> recent =
        followUps.forPatient(patientId).stream()
            .filter(f -> !f.dueOn().isBefore(since) && !f.dueOn().isAfter(today))
            .sorted(Comparator.comparing(FollowUp::dueOn))
            .toList();
    audit.recordAccess(
        AuditActions.SEARCH,
        "FollowUp",
        "patient:" + patientId,
        Outcome.SUCCESS,
        "red flags, found " + recent.size());
    List<RedFlag> flags = new ArrayList<>();
    List<FollowUp> missed =
        recent.stream().filter(f -> f.status() == FollowUp.Status.MISSED).toList();
    if (!missed.isEmpty()) {
      flags.add(
          new RedFlag(
              "missed-follow-ups",
              missed.size() == 1 ? "A follow-up was missed" : missed.size() + " follow-ups missed",
              "Not answered: "
                  + missed.stream()
                      .map(
                          f ->
                              f.timepoint()
                                  + " after "
                                  + f.procedureType()
                                  + " (due "
                                  + f.dueOn()
                                  + ")")
                      .collect(Collectors.joining("; "))
                  + ".",
              missed.get(0).dueOn(),
              "follow-up plans of the practice"));
    }
    for (FollowUp f : recent) {
      if (!f.redFlags().isEmpty()) {
        flags.add(
            new RedFlag(
                "follow-up-red-flag",
                "Red-flag answer at a follow-up",
                f.timepoint()
                    + " after "
                    + f.procedureType()
                    + ": "
                    + f.redFlags().stream()
                        .map(org.relief.followups.RedFlag::label)
                        .collect(Collectors.joining(", "))
                    + ".",
                f.dueOn(),
                "follow-up red-flag questions"));
      }
    }
    return flags;
  }
}
