package org.relief.followups.schedule;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.relief.followups.FollowUpAnswered;
import org.relief.followups.RedFlag;
import org.relief.followups.plans.PlanPoint.Kind;
import org.relief.platform.PracticeSettings;
import org.relief.procedures.PerformedProcedure;
import org.relief.procedures.PerformedProcedures;
import org.relief.procedures.ProcedurePerformed;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Follow-up history for the synthetic demo practice: schedules every synthetic procedure (the same
 * idempotent path as a real one), answers about three in four closed windows (calls reached,
 * questionnaires answered; assessments offers no public way to record synthetic responses, so these
 * answers carry no response IDs), lets the rounds mark the rest missed and send the links now due,
 * and raises red flags on some recent follow-ups so that the evening list has something to rank.
 */
@Service
public class SyntheticFollowUps {

  private final FollowUpScheduler scheduler;
  private final FollowUpRounds rounds;
  private final FollowUpRepository followUps;
  private final PerformedProcedures procedures;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final PracticeSettings practice;

  SyntheticFollowUps(
      FollowUpScheduler scheduler,
      FollowUpRounds rounds,
      FollowUpRepository followUps,
      PerformedProcedures procedures,
      ApplicationEventPublisher events,
      Clock clock,
      PracticeSettings practice) {
    this.scheduler = scheduler;
    this.rounds = rounds;
    this.followUps = followUps;
    this.procedures = procedures;
    this.events = events;
    this.clock = clock;
    this.practice = practice;
  }

  /** What was seeded. */
  public record Seeded(int followUps, int answered, int redFlags) {}

  @Transactional
  public Seeded seed(List<Long> syntheticPatientIds, long seed) {
    Random random = new Random(seed);
    LocalDate today = LocalDate.now(clock.withZone(practice.timeZone()));
    int total = 0;
    int answered = 0;
    int flagged = 0;
    List<RedFlag> flags = List.of(RedFlag.values());
    for (long patientId : syntheticPatientIds) {
      for (PerformedProcedure p : procedures.forPatient(patientId)) {
        if (!p.synthetic()) {
          continue;
        }
        scheduler.schedule(new ProcedurePerformed(p.id(), p.patientId(), p.performedOn()));
        for (FollowUp f : followUps.forProcedure(p.id())) {
          total++;
          if (!f.open()) {
            continue;
          }
          boolean closed = f.closesOn().isBefore(today);
          boolean recent = !f.opensOn().isAfter(today) && f.closesOn().isAfter(today.minusDays(14));
          if (closed && random.nextInt(100) < 75 && answer(f)) {
            answered++;
          }
          if (recent && random.nextInt(100) < 12) {
            RedFlag flag = flags.get(random.nextInt(flags.size()));
            followUps.addRedFlags(f.id(), List.of(flag), clock.instant());
            flagged++;
          }
        }
      }
    }
    rounds.run();
    return new Seeded(total, answered, flagged);
  }

  private boolean answer(FollowUp f) {
    LocalDate on = f.dueOn();
    boolean moved =
        f.kind() == Kind.CALL
            ? followUps.markCalled(f.id(), on)
            : followUps.markAnswered(f.id(), List.of(), on);
    if (moved) {
      followUps.markHandled(f.id(), clock.instant());
      events.publishEvent(
          new FollowUpAnswered(
              f.id(), f.procedureId(), f.patientId(), f.timepoint(), on, List.of()));
    }
    return moved;
  }
}
