package org.relief.careers.jobs;

/**
 * A public search of the board. Every filter is optional; {@code minBase} keeps postings whose base
 * range reaches at least that amount (postings that state no base are left out when it is set).
 */
public record JobSearch(
    String state,
    PracticeSetting setting,
    ProcedureFamily procedure,
    Integer minBase,
    Boolean visa,
    Sort sort) {

  /** How results are ordered. */
  public enum Sort {
    NEWEST("Newest first"),
    HIGHEST_BASE("Highest base first");

    private final String label;

    Sort(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  public static JobSearch everything() {
    return new JobSearch(null, null, null, null, null, Sort.NEWEST);
  }
}
