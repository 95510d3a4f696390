package org.relief.careers.portfolio;

import java.time.Instant;

/**
 * What a share link shows: who the specialist is, the counts, and until when the link works. No
 * patient, no procedure record, nothing finer than a month.
 */
public record SharedPortfolio(
    String specialistName, Portfolio portfolio, Instant expiresAt, String attestedBy) {}
