package org.relief.platform;

import java.util.List;

/**
 * Red flags a module contributes to the pre-visit summary (missed follow-ups from {@code
 * followups}, steroid exposure over a threshold from {@code procedures}, ...). The summary, in
 * {@code review}, lists the flags of every source bean without knowing the modules behind them; the
 * interface lives here rather than in {@code review} because {@code review} reads those modules,
 * and a module both read by {@code review} and implementing a {@code review} type would make a
 * cycle.
 *
 * <p>A source reads its own data for the patient and audits that read.
 */
public interface RedFlagSource {

  /** What this source checks, in a few words ("missed follow-ups"), listed on the summary. */
  String checks();

  /** The patient's current red flags from this source; empty when there are none. */
  List<RedFlag> redFlags(long patientId);
}
