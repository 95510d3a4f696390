/**
 * Procedures: the catalogue of interventional pain procedures ({@link
 * org.relief.procedures.ProcedureCatalogue}) and the anticoagulation planner ({@link
 * org.relief.procedures.AnticoagulationPlanner}).
 *
 * <p>Bleeding-risk classes and drug intervals are decision support drawn from {@code
 * clinical-rules.md} §1 (ASRA 2018); CPT codes from §5d. Every value says where it comes from and
 * whether it is confirmed.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Procedures")
package org.relief.procedures;
