package org.relief.procedures;

import java.time.LocalDate;

/**
 * What ASRA 2018 suggests for one of the patient's drugs around a procedure. Decision support for
 * the clinician and the prescriber, not an order.
 *
 * @param drug the generic name as given
 * @param action hold, continue, or decide together with the prescriber
 * @param stopBeforeHours for {@code hold}: the last dose at least this many hours before the
 *     procedure; {@code null} otherwise
 * @param lastDoseOn for {@code hold}: the last day a dose may be taken (docs/decisions/0016);
 *     {@code null} otherwise
 * @param restartAfterHours hours after the procedure before the drug may be restarted; {@code null}
 *     when the reference gives no interval
 * @param confirmed false while the row is marked U and not confirmed locally
 * @param source the section of clinical-rules.md the advice comes from
 * @param note what else the clinician should know: INR checks, assumptions, "unconfirmed — confirm
 *     locally"; {@code null} when there is nothing to add
 */
public record MedicationPlan(
    String drug,
    Action action,
    Integer stopBeforeHours,
    LocalDate lastDoseOn,
    Integer restartAfterHours,
    boolean confirmed,
    String source,
    String note) {}
