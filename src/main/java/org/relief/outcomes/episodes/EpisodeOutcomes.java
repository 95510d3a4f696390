package org.relief.outcomes.episodes;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.relief.audit.AuditActions;
import org.relief.audit.AuditEntry.Outcome;
import org.relief.audit.AuditTrail;
import org.relief.outcomes.OutcomeSettings;
import org.relief.outcomes.episodes.EpisodeOutcome.MmeComparison;
import org.relief.outcomes.episodes.EpisodeOutcome.Point;
import org.relief.outcomes.episodes.EpisodeOutcome.ReliefDuration;
import org.relief.patients.MedicationCourse;
import org.relief.patients.MedicationHistory;
import org.relief.patients.PatientMedications;
import org.relief.platform.NotFound;
import org.relief.platform.PracticeSettings;
import org.springframework.stereotype.Service;

/**
 * Per-episode outcomes: NRS change and responders (clinical-rules.md §3.15), ODI/NDI change against
 * MCID (§3.1, §3.2, both U and so settings), PGIC (§3.12), the duration of ≥ 50 % relief and MME
 * before against after (§2a). Reads are audited as accesses to patient data.
 */
@Service
public class EpisodeOutcomes {

  static final String AUDIT_TYPE = "OutcomeEpisode";
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
  // clinical-rules.md §3.1: ODI MCID "10 points (0–100) or 30% improvement from baseline" (U)
  private static final BigDecimal ODI_RELATIVE_MCID_PERCENT = BigDecimal.valueOf(30);

  private final EpisodeRepository episodes;
  private final PatientMedications medications;
  private final OutcomeSettings settings;
  private final AuditTrail audit;
  private final PracticeSettings practice;
  private final Clock clock;

  EpisodeOutcomes(
      EpisodeRepository episodes,
      PatientMedications medications,
      OutcomeSettings settings,
      AuditTrail audit,
      PracticeSettings practice,
      Clock clock) {
    this.episodes = episodes;
    this.medications = medications;
    this.settings = settings;
    this.audit = audit;
    this.practice = practice;
    this.clock = clock;
  }

  /** The outcome of one procedure (audited). */
  public EpisodeOutcome of(long procedureId) {
    Episode episode =
        episodes
            .findEpisode(procedureId)
            .orElseThrow(
                () ->
                    new NotFound(
                        "There is no outcome record for procedure " + procedureId + " yet."));
    audit.recordAccess(AuditActions.READ, AUDIT_TYPE, Long.toString(procedureId), Outcome.SUCCESS);
    List<Measure> measures = episodes.measuresOf(procedureId);
    BigDecimal odiMcid = BigDecimal.valueOf(settings.odiMcid());
    BigDecimal ndiMcid = BigDecimal.valueOf(settings.ndiMcid());
    List<Point> points = measures.stream().map(m -> point(episode, m, odiMcid, ndiMcid)).toList();
    MedicationHistory history = medications.history(episode.patientId());
    return new EpisodeOutcome(
        episode,
        points,
        reliefDuration(measures),
        mme(history.courses(), episode.performedOn(), settings.mmeWindowDays(), today()),
        odiMcid,
        settings.isConfirmed("odi-mcid"),
        ndiMcid,
        settings.isConfirmed("ndi-mcid"));
  }

  /** The patient's episodes, newest first (audited). */
  public List<Episode> ofPatient(long patientId) {
    List<Episode> list = episodes.episodesOf(patientId);
    audit.recordAccess(
        AuditActions.SEARCH,
        AUDIT_TYPE,
        "patient:" + patientId,
        Outcome.SUCCESS,
        "found " + list.size());
    return list;
  }

  static Point point(Episode episode, Measure m, BigDecimal odiMcid, BigDecimal ndiMcid) {
    BigDecimal reduction = nrsReduction(episode, m);
    BigDecimal odiChange = improvement(episode.baselineOdi(), m.odi());
    Boolean odiMet = null;
    if (odiChange != null) {
      // §3.1: either 10 points or 30 % of the baseline (both U)
      boolean points = odiChange.compareTo(odiMcid) >= 0;
      boolean relative =
          episode.baselineOdi().signum() > 0
              && odiChange
                      .multiply(HUNDRED)
                      .compareTo(ODI_RELATIVE_MCID_PERCENT.multiply(episode.baselineOdi()))
                  >= 0;
      odiMet = points || relative;
    }
    BigDecimal ndiChange = improvement(episode.baselineNdi(), m.ndi());
    Boolean ndiMet = ndiChange == null ? null : ndiChange.compareTo(ndiMcid) >= 0;
    return new Point(m, reduction, odiChange, odiMet, ndiChange, ndiMet);
  }

  /**
   * (baseline − NRS) / baseline × 100, one decimal, half up; {@code null} when the follow-up is not
   * answered, has no NRS, or the baseline is missing or 0 (clinical-rules.md §3.15).
   */
  static BigDecimal nrsReduction(Episode episode, Measure m) {
    if (!m.answered()
        || m.nrs() == null
        || episode.baselineNrs() == null
        || episode.baselineNrs().signum() <= 0) {
      return null;
    }
    return episode
        .baselineNrs()
        .subtract(m.nrs())
        .multiply(HUNDRED)
        .divide(episode.baselineNrs(), 1, RoundingMode.HALF_UP);
  }

  private static BigDecimal improvement(BigDecimal baseline, BigDecimal now) {
    return baseline == null || now == null ? null : baseline.subtract(now);
  }

  static ReliefDuration reliefDuration(List<Measure> measures) {
    Timepoint first = null;
    Timepoint held = null;
    for (Measure m : measures) {
      if (m.responder50() == null) {
        continue;
      }
      if (first == null) {
        first = m.timepoint();
        if (!m.responder50()) {
          return new ReliefDuration(first, null, null);
        }
      }
      if (!m.responder50()) {
        return new ReliefDuration(first, held, m.timepoint());
      }
      held = m.timepoint();
    }
    return new ReliefDuration(first, held, null);
  }

  /**
   * Average daily MME over {@code window} days before the procedure day and over the days after it
   * that have passed (at most {@code window}); the procedure day itself belongs to neither.
   */
  static MmeComparison mme(
      List<MedicationCourse> courses, LocalDate performedOn, int window, LocalDate today) {
    List<MedicationCourse> opioids =
        courses.stream().filter(c -> c.mme() != null && c.mme().counted()).toList();
    BigDecimal before = average(opioids, performedOn.minusDays(window), window);
    long passed = Math.max(0, Math.min(window, today.toEpochDay() - performedOn.toEpochDay()));
    BigDecimal after = passed == 0 ? null : average(opioids, performedOn.plusDays(1), (int) passed);
    return new MmeComparison(
        window, before, after, (int) passed, courses.stream().anyMatch(MedicationCourse::opioid));
  }

  private static BigDecimal average(List<MedicationCourse> opioids, LocalDate from, int days) {
    BigDecimal total = BigDecimal.ZERO;
    List<LocalDate> dates = new ArrayList<>();
    for (int i = 0; i < days; i++) {
      dates.add(from.plusDays(i));
    }
    for (LocalDate day : dates) {
      for (MedicationCourse c : opioids) {
        if (c.takenOn(day)) {
          total = total.add(c.countedMme());
        }
      }
    }
    return total.divide(BigDecimal.valueOf(days), 1, RoundingMode.HALF_UP);
  }

  private LocalDate today() {
    return practice.today(clock);
  }
}
