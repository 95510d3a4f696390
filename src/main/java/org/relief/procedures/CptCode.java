package org.relief.procedures;

import org.relief.patients.Provenance;

/**
 * A CPT or HCPCS code a procedure is billed with (clinical-rules.md §5d). Descriptions are short
 * and neutral: CPT descriptors are AMA copyright and are not shipped.
 *
 * @param code the code, e.g. {@code 64483}
 * @param description a short neutral description
 * @param unitRule when and how many units are reported
 * @param provenance the §5d row and whether it is confirmed
 */
public record CptCode(String code, String description, String unitRule, Provenance provenance) {

  /** How the units follow from what was done. */
  public UnitBasis basis() {
    return UnitBasis.of(unitRule);
  }
}
