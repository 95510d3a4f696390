package org.relief.consultations.notes;

import java.time.Instant;

/** A later word on a signed note: who wrote it, when, and what. Never changed or removed. */
public record Addendum(long id, long visitId, long authorId, Instant writtenAt, String text) {}
