package org.relief.assessments;

/** A severity band: scores from {@code from} (a whole number) up to the next band's start. */
public record Band(String label, int from) {}
