package org.relief.procedures;

import java.util.List;
import org.relief.patients.Provenance;

/**
 * A kind of procedure the practice performs.
 *
 * @param code the stable code, e.g. {@code lumbar-tfesi}
 * @param name the name in a clinician's words
 * @param riskClass the ASRA 2018 bleeding-risk class (clinical-rules.md §1a) before patient
 *     modifiers
 * @param riskSource the §1a row the class comes from and whether it is confirmed
 * @param cptCodes the codes it is billed with and their unit rules (§5d); empty when §5d has none
 * @param levels where it may be done
 * @param purpose diagnostic or therapeutic
 * @param followUpPlan the name of the follow-up plan offered by default afterwards
 */
public record ProcedureType(
    String code,
    String name,
    RiskClass riskClass,
    Provenance riskSource,
    List<CptCode> cptCodes,
    Levels levels,
    Purpose purpose,
    String followUpPlan) {

  public ProcedureType {
    cptCodes = List.copyOf(cptCodes);
  }
}
