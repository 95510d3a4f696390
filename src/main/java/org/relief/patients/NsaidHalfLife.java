package org.relief.patients;

/**
 * The half-life groups of the NSAIDs in clinical-rules.md §1c, shortest first. ASRA 2018 derives
 * each NSAID's stop interval from five elimination half-lives; the procedure planner maps these
 * groups to intervals, this module only says which group a drug is in.
 */
public enum NsaidHalfLife {
  /** diclofenac, ketorolac, ibuprofen */
  SHORT,
  /** etodolac, indomethacin */
  INTERMEDIATE,
  /** naproxen, meloxicam */
  LONG,
  /** nabumetone */
  VERY_LONG,
  /** oxaprozin, piroxicam */
  EXTRA_LONG
}
