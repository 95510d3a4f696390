package org.relief.careers.matching;

import java.math.BigDecimal;
import org.relief.careers.jobs.ProcedureFamily;

/** One family's share of the projected work RVUs: cases a year x wRVUs per case. */
public record WrvuPart(
    ProcedureFamily family, int casesPerYear, BigDecimal perCase, BigDecimal wrvus) {}
