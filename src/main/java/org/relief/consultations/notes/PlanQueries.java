package org.relief.consultations.notes;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.relief.audit.AuditActions;
import org.relief.audit.AuditEntry.Outcome;
import org.relief.audit.AuditTrail;
import org.relief.consultations.PatientGoal;
import org.relief.consultations.PatientGoals;
import org.relief.consultations.PlanItem;
import org.relief.consultations.TreatmentPlans;
import org.springframework.stereotype.Component;

/** The treatment plans and goals of signed notes, for other modules (audited, by ID only). */
@Component
class PlanQueries implements TreatmentPlans, PatientGoals {

  private final NoteRepository notes;
  private final AuditTrail audit;

  PlanQueries(NoteRepository notes, AuditTrail audit) {
    this.notes = notes;
    this.audit = audit;
  }

  @Override
  public List<PlanItem> openItemsOwnedBy(long clinicianId) {
    List<PlanItem> items = notes.openSignedItemsOwnedBy(clinicianId);
    items.forEach(
        i ->
            audit.recordAccess(
                AuditActions.READ,
                VisitNotes.PLAN,
                Long.toString(i.id()),
                Outcome.SUCCESS,
                "tasks"));
    return items;
  }

  @Override
  public Optional<PlanItem> item(long planItemId) {
    Optional<PlanItem> item = notes.signedItem(planItemId);
    audit.recordAccess(
        AuditActions.READ,
        VisitNotes.PLAN,
        Long.toString(planItemId),
        item.isPresent() ? Outcome.SUCCESS : Outcome.FAILURE);
    return item;
  }

  @Override
  public List<PlanItem> ofPatient(long patientId) {
    List<PlanItem> items = notes.signedItemsOfPatient(patientId);
    audit.recordAccess(
        AuditActions.READ,
        VisitNotes.PLAN,
        Long.toString(patientId),
        Outcome.SUCCESS,
        "patient's plan");
    return items;
  }

  @Override
  public List<PatientGoal> of(long patientId) {
    List<PatientGoal> goals = notes.goalsOf(patientId);
    audit.recordAccess(
        AuditActions.READ, "Goal", Long.toString(patientId), Outcome.SUCCESS, "patient's goals");
    return goals;
  }

  @Override
  public Optional<PatientGoal> inForceAt(long patientId, Instant when) {
    return of(patientId).stream().filter(g -> !g.recordedAt().isAfter(when)).reduce((a, b) -> b);
  }
}
