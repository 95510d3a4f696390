package org.relief.patients;

/**
 * Where a clinical value comes from and whether it may be trusted as it stands.
 *
 * @param source the section of {@code clinical-rules.md} the value is taken from
 * @param status the row's status mark there (P, S, S2, U or a combination such as "S / U")
 * @param confirmed false while the row is marked U and nobody has confirmed it locally
 * @param note why the value is unconfirmed or configurable; {@code null} when there is nothing to
 *     add
 */
public record Provenance(String source, String status, boolean confirmed, String note) {

  /** The note every unconfirmed value carries. */
  public static final String UNCONFIRMED = "unconfirmed — confirm locally";

  /**
   * A value as the reference marks it: any U in the status makes it unconfirmed (clinical-rules.md,
   * "How to read the status column").
   */
  public static Provenance of(String source, String status) {
    boolean unconfirmed = status.matches(".*\\bU\\b.*");
    return new Provenance(source, status, !unconfirmed, unconfirmed ? UNCONFIRMED : null);
  }

  /** This value after the practice has checked it against the primary document. */
  Provenance confirmedLocally(String setting) {
    return confirmed
        ? this
        : new Provenance(source, status, true, "confirmed locally (" + setting + ")");
  }
}
