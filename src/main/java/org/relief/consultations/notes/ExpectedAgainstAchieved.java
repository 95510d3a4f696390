package org.relief.consultations.notes;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.relief.consultations.AchievedRelief;
import org.relief.consultations.PatientGoal;
import org.relief.consultations.PatientGoals;
import org.relief.consultations.ReliefComparison;
import org.relief.consultations.ReliefComparison.Check;
import org.relief.consultations.ReliefComparison.Verdict;
import org.relief.consultations.ReliefExpectations;
import org.relief.consultations.TreatmentResult;
import org.relief.platform.PracticeSettings;
import org.relief.procedures.ProcedureCatalogue;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Compares the relief a patient expected with the relief achieved (docs/decisions/0062). A
 * procedure is compared with the latest goal recorded on or before its day that names an expected
 * relief: goals are recorded before a treatment, and a same-day consultation counts. Each answered
 * follow-up is met when its NRS reduction reaches the expected percentage. Without a module that
 * measures relief ({@link AchievedRelief}) nothing is compared.
 */
@Component
class ExpectedAgainstAchieved implements ReliefExpectations {

  private final PatientGoals goals;
  private final ObjectProvider<AchievedRelief> achieved;
  private final ProcedureCatalogue catalogue;
  private final PracticeSettings practice;

  ExpectedAgainstAchieved(
      PatientGoals goals,
      ObjectProvider<AchievedRelief> achieved,
      ProcedureCatalogue catalogue,
      PracticeSettings practice) {
    this.goals = goals;
    this.achieved = achieved;
    this.catalogue = catalogue;
    this.practice = practice;
  }

  @Override
  public List<ReliefComparison> ofPatient(long patientId) {
    List<PatientGoal> expected =
        goals.of(patientId).stream().filter(g -> g.expectedReliefPercent() != null).toList();
    AchievedRelief source = achieved.getIfAvailable();
    if (expected.isEmpty() || source == null) {
      return List.of();
    }
    ZoneId zone = practice.timeZone();
    List<ReliefComparison> out = new ArrayList<>();
    for (TreatmentResult t : source.of(patientId)) {
      goalFor(expected, t.performedOn(), zone).ifPresent(g -> out.add(compare(g, t)));
    }
    return out;
  }

  @Override
  public List<ReliefComparison> ofVisit(long visitId, long patientId) {
    return ofPatient(patientId).stream().filter(c -> c.goal().visitId() == visitId).toList();
  }

  private static Optional<PatientGoal> goalFor(
      List<PatientGoal> expected, LocalDate performedOn, ZoneId zone) {
    PatientGoal found = null;
    for (PatientGoal g : expected) {
      if (!g.recordedAt().atZone(zone).toLocalDate().isAfter(performedOn)) {
        found = g;
      }
    }
    return Optional.ofNullable(found);
  }

  private ReliefComparison compare(PatientGoal goal, TreatmentResult t) {
    BigDecimal wanted = BigDecimal.valueOf(goal.expectedReliefPercent());
    List<Check> checks = new ArrayList<>();
    for (TreatmentResult.FollowUp f : t.followUps()) {
      if (!f.answered()) {
        continue;
      }
      BigDecimal got = f.nrsReductionPercent();
      Verdict verdict =
          got == null
              ? Verdict.NOT_YET_KNOWN
              : got.compareTo(wanted) >= 0 ? Verdict.MET : Verdict.NOT_MET;
      checks.add(new Check(f.timepoint(), got, verdict));
    }
    String name = catalogue.find(t.procedureType()).map(p -> p.name()).orElse(t.procedureType());
    return new ReliefComparison(goal, t, name, checks);
  }
}
