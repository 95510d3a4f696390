package org.relief.patients.history;

import java.time.Instant;

/** A patient's saved pain history and the version an edit must name to change it. */
public record PainHistory(
    long patientId, PainHistoryDetails details, int version, Instant updatedAt) {}
