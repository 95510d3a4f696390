package org.relief.careers.specialists;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Credits earned for one activity; {@code state} is null when any state counts them. */
public record CmeCredit(
    long id,
    CmeCategory category,
    String state,
    BigDecimal credits,
    LocalDate earnedOn,
    String activity) {}
