package org.relief.careers.portfolio;

import java.time.Instant;
import java.time.YearMonth;
import org.relief.careers.jobs.ProcedureFamily;

/** A count of cases of one family, guidance and role in one month, with where it comes from. */
public record PortfolioEntry(
    long id,
    ProcedureFamily family,
    Guidance guidance,
    CaseRole role,
    YearMonth month,
    int cases,
    EntrySource source,
    String note,
    Long practiceLinkId,
    Instant attestedAt) {}
