package org.relief.followups;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The relief diary of one diagnostic block, with what it shows.
 *
 * @param entries % relief by minutes after the block (0 is the baseline before it)
 * @param peakRelief the highest % relief after the block, or null before any entry after it
 * @param peakAtMinutes when the peak was first recorded
 * @param reliefAtCriterionUntilMinutes the last diary mark up to which relief stayed at or above
 *     the criterion (80 %, clinical-rules.md §4a) from the first mark that reached it; null if none
 *     did
 * @param anaesthetic the local anaesthetic's code, or null until staff record it
 * @param expectedReliefMinutes how long that anaesthetic's relief is expected to last (a setting)
 * @param expectedReliefConfirmed whether the practice confirmed that duration locally
 * @param durationConsistent whether relief at the criterion lasted at least as long as expected;
 *     null when the anaesthetic or the criterion is missing
 */
public record BlockDiary(
    long procedureId,
    long patientId,
    String procedureType,
    List<String> levels,
    String laterality,
    LocalDate performedOn,
    SortedMap<Integer, Integer> entries,
    Integer peakRelief,
    Integer peakAtMinutes,
    Integer reliefAtCriterionUntilMinutes,
    String anaesthetic,
    Integer expectedReliefMinutes,
    boolean expectedReliefConfirmed,
    Boolean durationConsistent) {

  /** The diary marks in minutes: baseline, 15 and 30 min, 1, 2, 4 and 6 h (issue 6). */
  public static final List<Integer> MARKS = List.of(0, 15, 30, 60, 120, 240, 360);

  /** How each mark is named to patients and staff. */
  public static final Map<Integer, String> MARK_LABELS =
      Map.of(
          0, "Before the block (baseline)",
          15, "15 minutes after",
          30, "30 minutes after",
          60, "1 hour after",
          120, "2 hours after",
          240, "4 hours after",
          360, "6 hours after");

  /** Relief a diagnostic medial branch block must reach (clinical-rules.md §4a, §3.15: ≥ 80 %). */
  public static final int CRITERION_PERCENT = 80;

  public BlockDiary {
    levels = List.copyOf(levels);
    entries = new TreeMap<>(entries);
  }

  /** Whether the peak relief reached the §4a criterion of ≥ 80 %. */
  public boolean reachedCriterion() {
    return peakRelief != null && peakRelief >= CRITERION_PERCENT;
  }

  /** Works out peak and duration from the entries (pure; clinical-rules.md §4a). */
  public static BlockDiary of(
      long procedureId,
      long patientId,
      String procedureType,
      List<String> levels,
      String laterality,
      LocalDate performedOn,
      Map<Integer, Integer> entries,
      String anaesthetic,
      Integer expectedReliefMinutes,
      boolean expectedReliefConfirmed) {
    TreeMap<Integer, Integer> sorted = new TreeMap<>(entries);
    Integer peak = null;
    Integer peakAt = null;
    Integer until = null;
    boolean running = false;
    boolean ended = false;
    for (var e : sorted.entrySet()) {
      if (e.getKey() == 0) {
        continue;
      }
      if (peak == null || e.getValue() > peak) {
        peak = e.getValue();
        peakAt = e.getKey();
      }
      if (!ended) {
        if (e.getValue() >= CRITERION_PERCENT) {
          running = true;
          until = e.getKey();
        } else if (running) {
          ended = true;
        }
      }
    }
    Boolean consistent =
        until == null || expectedReliefMinutes == null ? null : until >= expectedReliefMinutes;
    return new BlockDiary(
        procedureId,
        patientId,
        procedureType,
        levels,
        laterality,
        performedOn,
        sorted,
        peak,
        peakAt,
        until,
        anaesthetic,
        expectedReliefMinutes,
        expectedReliefConfirmed,
        consistent);
  }

  /**
   * Two diagnostic medial branch blocks of one patient at the same levels and side, the latest two,
   * and whether both reached ≥ 80 % relief: with a duration consistent with the agent, the Medicare
   * requirement before an initial radiofrequency ablation (clinical-rules.md §4a, "Initial thermal
   * RFA"). Relief supports the decision; the physician makes it.
   */
  public record MedialBranchPair(
      String procedureType,
      List<String> levels,
      String laterality,
      BlockDiary first,
      BlockDiary second) {

    public MedialBranchPair {
      levels = List.copyOf(levels);
    }

    public boolean bothReachedCriterion() {
      return first.reachedCriterion() && second.reachedCriterion();
    }

    /** True or false when both durations can be judged; null when one cannot. */
    public Boolean bothConsistentWithAgent() {
      if (first.durationConsistent() == null || second.durationConsistent() == null) {
        return null;
      }
      return first.durationConsistent() && second.durationConsistent();
    }
  }
}
