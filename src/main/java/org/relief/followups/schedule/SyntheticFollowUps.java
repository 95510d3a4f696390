package org.relief.followups.schedule;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.relief.assessments.Instrument;
import org.relief.assessments.Instruments;
import org.relief.assessments.Item;
import org.relief.assessments.PatientQuestionnaires;
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
 * questionnaires answered with scored synthetic answers: pain that falls after most procedures and
 * comes back for some, so the outcomes have responders and non-responders), lets the rounds mark
 * the rest missed and send the links now due, and raises red flags on some recent follow-ups so
 * that the evening list has something to rank.
 */
@Service
public class SyntheticFollowUps {

  private final FollowUpScheduler scheduler;
  private final FollowUpRounds rounds;
  private final FollowUpRepository followUps;
  private final PerformedProcedures procedures;
  private final PatientQuestionnaires questionnaires;
  private final Instruments instruments;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final PracticeSettings practice;

  SyntheticFollowUps(
      FollowUpScheduler scheduler,
      FollowUpRounds rounds,
      FollowUpRepository followUps,
      PerformedProcedures procedures,
      PatientQuestionnaires questionnaires,
      Instruments instruments,
      ApplicationEventPublisher events,
      Clock clock,
      PracticeSettings practice) {
    this.scheduler = scheduler;
    this.rounds = rounds;
    this.followUps = followUps;
    this.procedures = procedures;
    this.questionnaires = questionnaires;
    this.instruments = instruments;
    this.events = events;
    this.clock = clock;
    this.practice = practice;
  }

  /** What was seeded. */
  public record Seeded(int followUps, int answered, int redFlags) {}

  @Transactional
  public Seeded seed(List<Long> syntheticPatientIds, long seed) {
    Random random = new Random(seed);
    LocalDate today = practice.today(clock);
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
          if (closed && random.nextInt(100) < 75 && answer(f, p, random)) {
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

  private boolean answer(FollowUp f, PerformedProcedure p, Random random) {
    LocalDate on = f.dueOn();
    List<Long> responses =
        f.kind() == Kind.CALL || f.instruments().isEmpty()
            ? List.of()
            : questionnaires.recordSynthetic(
                f.patientId(),
                on.atTime(18, 0).atZone(practice.timeZone()).toInstant(),
                answers(f, p, random));
    boolean moved =
        f.kind() == Kind.CALL
            ? followUps.markCalled(f.id(), on)
            : followUps.markAnswered(f.id(), responses, on);
    if (moved) {
      followUps.markHandled(f.id(), clock.instant());
      events.publishEvent(
          new FollowUpAnswered(
              f.id(), f.procedureId(), f.patientId(), f.timepoint(), on, responses));
    }
    return moved;
  }

  /**
   * Invented answers for the instruments of a follow-up: NRS from the pre-procedure score, lower by
   * a per-answer relief of 0–80 %, PGIC in line with that relief, other instruments at random
   * within each item's range.
   */
  private Map<String, Map<String, Integer>> answers(
      FollowUp f, PerformedProcedure p, Random random) {
    int baseline = p.preProcedureNrs() == null ? 7 : p.preProcedureNrs();
    double relief = random.nextDouble() * 0.8;
    int nrs = (int) Math.round(baseline * (1 - relief));
    Map<String, Map<String, Integer>> answers = new LinkedHashMap<>();
    for (String code : f.instruments()) {
      Instrument instrument = instruments.definition(code);
      Map<String, Integer> items = new LinkedHashMap<>();
      for (Item item : instrument.items()) {
        int value =
            switch (code) {
              case "nrs" -> nrs;
              case "pgic" -> relief > 0.5 ? 2 : relief > 0.3 ? 3 : 4;
              default ->
                  item.min()
                      + (int)
                          Math.round(
                              (item.max() - item.min())
                                  * (0.15 + 0.5 * (1 - relief))
                                  * random.nextDouble()
                                  * 1.5);
            };
        items.put(item.key(), Math.max(item.min(), Math.min(item.max(), value)));
      }
      answers.put(code, items);
    }
    return answers;
  }
}
