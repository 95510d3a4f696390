package org.relief.patients;

/**
 * What Relief knows about a drug's effect on bleeding before a procedure.
 *
 * @param drug the generic name as Relief knows it (lower case, words joined by hyphens)
 * @param drugClass {@link DrugClass#NOT_KNOWN} when the drug is not in clinical-rules.md §1b/§1c
 * @param nsaidHalfLife the §1c group for NSAIDs with a row there; {@code null} otherwise
 * @param provenance the row the class comes from and whether that row is confirmed
 */
public record DrugClassification(
    String drug, DrugClass drugClass, NsaidHalfLife nsaidHalfLife, Provenance provenance) {

  /** Whether the drug is one Relief knows to matter for bleeding risk. */
  public boolean known() {
    return drugClass != DrugClass.NOT_KNOWN;
  }
}
