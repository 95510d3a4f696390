package org.relief.procedures;

import java.time.LocalDate;
import java.util.List;

/**
 * The anticoagulation plan for a procedure (clinical-rules.md §1).
 *
 * @param procedure the catalogue code
 * @param procedureDate the day of the procedure
 * @param procedureRiskClass the class of the procedure itself (§1a)
 * @param riskClass the class the plan uses: one step higher for a patient at high bleeding risk
 *     (§1a modifiers)
 * @param medications one plan per drug, in the order given
 */
public record AnticoagulationPlan(
    String procedure,
    LocalDate procedureDate,
    RiskClass procedureRiskClass,
    RiskClass riskClass,
    List<MedicationPlan> medications) {

  public AnticoagulationPlan {
    medications = List.copyOf(medications);
  }
}
