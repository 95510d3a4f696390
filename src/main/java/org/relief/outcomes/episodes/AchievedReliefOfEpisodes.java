package org.relief.outcomes.episodes;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.relief.audit.AuditActions;
import org.relief.audit.AuditEntry.Outcome;
import org.relief.audit.AuditTrail;
import org.relief.consultations.AchievedRelief;
import org.relief.consultations.TreatmentResult;
import org.springframework.stereotype.Component;

/**
 * Tells consultations what each procedure achieved, from the outcomes read model: the NRS reduction
 * at each follow-up, computed as the per-episode outcome computes it (clinical-rules.md §3.15). Two
 * queries whatever the number of episodes; audited as one search of the patient's episodes.
 */
@Component
class AchievedReliefOfEpisodes implements AchievedRelief {

  private final EpisodeRepository episodes;
  private final AuditTrail audit;

  AchievedReliefOfEpisodes(EpisodeRepository episodes, AuditTrail audit) {
    this.episodes = episodes;
    this.audit = audit;
  }

  @Override
  public List<TreatmentResult> of(long patientId) {
    List<Episode> list = episodes.episodesOf(patientId);
    Map<Long, List<Measure>> measures =
        episodes.measuresOfPatient(patientId).stream()
            .collect(Collectors.groupingBy(Measure::procedureId));
    audit.recordAccess(
        AuditActions.SEARCH,
        EpisodeOutcomes.AUDIT_TYPE,
        "patient:" + patientId,
        Outcome.SUCCESS,
        "achieved relief of " + list.size());
    List<TreatmentResult> out = new ArrayList<>(list.size());
    for (Episode e : list) {
      List<TreatmentResult.FollowUp> followUps = new ArrayList<>();
      for (Measure m : measures.getOrDefault(e.procedureId(), List.of())) {
        BigDecimal reduction = EpisodeOutcomes.nrsReduction(e, m);
        followUps.add(new TreatmentResult.FollowUp(m.timepoint().label(), m.answered(), reduction));
      }
      out.add(
          new TreatmentResult(
              e.procedureId(),
              e.procedureType(),
              e.levelSet(),
              "not-applicable".equals(e.laterality()) ? "" : e.laterality(),
              e.performedOn(),
              followUps));
    }
    return out;
  }
}
