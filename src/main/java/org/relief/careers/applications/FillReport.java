package org.relief.careers.applications;

import java.util.List;
import java.util.Map;

/**
 * Time to fill for one organisation: per posting, days from publication to the first accepted offer
 * (or days open so far), and the average days applications spent in each stage.
 */
public record FillReport(
    List<Row> postings, Double medianDaysToFill, Map<Stage, Double> averageDaysInStage) {

  /** One posting's line. */
  public record Row(
      long jobId,
      String title,
      int applications,
      int accepted,
      Long daysToFill,
      Long daysOpenSoFar) {}
}
