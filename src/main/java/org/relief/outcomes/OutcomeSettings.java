package org.relief.outcomes;

import java.time.Period;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Outcome analytics settings ({@code relief.outcomes}).
 *
 * @param completenessWarningBelow below this share of due follow-ups answered, a rate is shown with
 *     a warning that it cannot be trusted. Default 0.8: the "5 and 20" rule of thumb of
 *     evidence-based medicine treats more than 20 % loss to follow-up as a threat to validity
 *     (Schulz KF, Grimes DA, Lancet 2002;359:781–785); a practice may choose otherwise.
 * @param dueGrace how long after its due date an unanswered follow-up counts as due; until then its
 *     answer window may still be open and it counts neither way (docs/decisions/0046)
 * @param baselineWindow how far before the procedure an ODI or NDI counts as its baseline
 * @param mmeWindowDays the days before and after a procedure over which daily MME is averaged
 * @param odiMcid ODI change (points on 0–100) that counts as clinically important: 10 points,
 *     clinical-rules.md §3.1, status U (Ostelo 2008, paper not opened)
 * @param ndiMcid NDI change (percentage points on 0–100) that counts as clinically important: 10
 *     points = 5 raw points, the low end of the 5–10 raw points of clinical-rules.md §3.2, status U
 * @param confirmed keys of the U values above the practice has confirmed against the primary source
 *     ({@code odi-mcid}, {@code ndi-mcid}); until then they are shown as "unconfirmed — confirm
 *     locally"
 */
@ConfigurationProperties("relief.outcomes")
public record OutcomeSettings(
    @DefaultValue("0.8") double completenessWarningBelow,
    @DefaultValue("P7D") Period dueGrace,
    @DefaultValue("P90D") Period baselineWindow,
    @DefaultValue("90") int mmeWindowDays,
    @DefaultValue("10") double odiMcid,
    @DefaultValue("10") double ndiMcid,
    @DefaultValue Set<String> confirmed) {

  public OutcomeSettings {
    if (completenessWarningBelow < 0 || completenessWarningBelow > 1) {
      throw new IllegalArgumentException(
          "relief.outcomes.completeness-warning-below must be between 0 and 1, not "
              + completenessWarningBelow);
    }
    if (dueGrace == null || dueGrace.isNegative()) {
      throw new IllegalArgumentException("relief.outcomes.due-grace must not be negative");
    }
    if (baselineWindow == null || baselineWindow.isNegative()) {
      throw new IllegalArgumentException("relief.outcomes.baseline-window must not be negative");
    }
    if (mmeWindowDays < 1 || mmeWindowDays > 366) {
      throw new IllegalArgumentException(
          "relief.outcomes.mme-window-days must be 1 to 366, not " + mmeWindowDays);
    }
    if (odiMcid <= 0 || odiMcid > 100 || ndiMcid <= 0 || ndiMcid > 100) {
      throw new IllegalArgumentException(
          "relief.outcomes.odi-mcid and ndi-mcid must be above 0 and at most 100");
    }
    confirmed = confirmed == null ? Set.of() : Set.copyOf(confirmed);
  }

  public boolean isConfirmed(String key) {
    return confirmed.contains(key);
  }
}
