package org.relief.careers.jobs;

/**
 * A public search of the board. Every filter is optional; {@code minBase} keeps postings whose base
 * range reaches at least that amount and {@code callOneIn} keeps postings whose call is at most one
 * night in that many (postings that do not state the base or the call are left out when the filter
 * is set). {@code near} with {@code withinMiles} keeps postings with a site within that many miles
 * (great-circle) of the place.
 */
public record JobSearch(
    String state,
    PracticeSetting setting,
    ProcedureFamily procedure,
    Integer minBase,
    Boolean visa,
    Sort sort,
    Place near,
    Integer withinMiles,
    Integer callOneIn,
    boolean telemedicine) {

  /** The nights of a month "1 in N" call is counted against: 30 nights. */
  public static final int CALL_MONTH_NIGHTS = 30;

  /** How results are ordered; nearest first by default when there is a place. */
  public enum Sort {
    NEWEST("Newest first"),
    HIGHEST_BASE("Highest base first"),
    NEAREST("Nearest first (with a place)");

    private final String label;

    Sort(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  public JobSearch {
    if ((near == null) != (withinMiles == null)) {
      throw new IllegalArgumentException("A distance needs both a place and a number of miles");
    }
    if (sort == null) {
      sort = near == null ? Sort.NEWEST : Sort.NEAREST;
    } else if (sort == Sort.NEAREST && near == null) {
      sort = Sort.NEWEST;
    }
  }

  /** A search without distance, call or telemedicine filters. */
  public JobSearch(
      String state,
      PracticeSetting setting,
      ProcedureFamily procedure,
      Integer minBase,
      Boolean visa,
      Sort sort) {
    this(state, setting, procedure, minBase, visa, sort, null, null, null, false);
  }

  public static JobSearch everything() {
    return new JobSearch(null, null, null, null, null, Sort.NEWEST);
  }

  public boolean visaOnly() {
    return Boolean.TRUE.equals(visa);
  }
}
