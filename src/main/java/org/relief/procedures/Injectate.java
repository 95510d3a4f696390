package org.relief.procedures;

import java.math.BigDecimal;

/**
 * One drug injected.
 *
 * @param doseMg the dose in milligrams, or {@code null} for what is given by volume only (saline)
 * @param volumeMl the volume in millilitres, or {@code null}
 */
public record Injectate(InjectateDrug drug, BigDecimal doseMg, BigDecimal volumeMl) {}
