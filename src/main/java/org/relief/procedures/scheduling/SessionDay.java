package org.relief.procedures.scheduling;

import java.time.Instant;
import java.time.LocalDate;

/** A stretch of a day in which one physician does procedures in one room. */
public record SessionDay(
    long id,
    long roomId,
    String roomName,
    LocalDate date,
    Instant startsAt,
    Instant endsAt,
    long physicianId) {}
