package org.relief.careers.jobs;

/**
 * A procedure the posting asks for; {@code minRecentVolume} is the number of cases in the last year
 * the employer expects, or null when no number is asked.
 */
public record ProcedureRequirement(
    ProcedureFamily procedure, Requirement requirement, Integer minRecentVolume) {}
