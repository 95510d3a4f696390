package org.relief.careers.portfolio;

import java.time.YearMonth;
import org.relief.careers.jobs.ProcedureFamily;

/** Procedures of one family an operator performed in one month: a count, nothing else. */
public record VerifiedCount(ProcedureFamily family, YearMonth month, int cases) {}
