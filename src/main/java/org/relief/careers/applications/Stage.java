package org.relief.careers.applications;

import java.util.List;

/** Where an application stands in the employer's pipeline (issue 8). */
public enum Stage {
  APPLIED("Applied"),
  SCREENING("Screening"),
  INTERVIEW("Interview"),
  SITE_VISIT("Site visit"),
  OFFER("Offer"),
  ACCEPTED("Accepted"),
  DECLINED("Declined");

  private final String label;

  Stage(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public boolean closed() {
    return this == ACCEPTED || this == DECLINED;
  }

  /**
   * The stages an application may move to from here: the next one (an offer can only be accepted),
   * or declined at any open stage. Closed applications move no further.
   */
  public List<Stage> next() {
    return switch (this) {
      case APPLIED -> List.of(SCREENING, DECLINED);
      case SCREENING -> List.of(INTERVIEW, DECLINED);
      case INTERVIEW -> List.of(SITE_VISIT, DECLINED);
      case SITE_VISIT -> List.of(OFFER, DECLINED);
      case OFFER -> List.of(ACCEPTED, DECLINED);
      case ACCEPTED, DECLINED -> List.of();
    };
  }
}
