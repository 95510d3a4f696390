package org.relief.assessments.scoring;

import org.relief.assessments.Instrument;
import org.relief.assessments.Score;
import org.relief.assessments.ScoringContext;

/** One instrument: its definition and its scoring rule. */
public interface Scorer {

  Instrument definition();

  /** Scores answers already checked against {@link #definition()}'s items and ranges. */
  Score score(Answers answers, ScoringContext context);
}
