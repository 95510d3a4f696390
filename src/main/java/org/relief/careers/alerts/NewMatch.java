package org.relief.careers.alerts;

import java.time.Instant;

/** An open posting that newly matched one of the specialist's saved searches. */
public record NewMatch(
    long savedSearchId, String searchName, long jobId, String jobTitle, Instant matchedAt) {}
