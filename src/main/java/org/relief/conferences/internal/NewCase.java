package org.relief.conferences.internal;

/** What a new nomination stores. */
public record NewCase(
    long conferenceId,
    long patientId,
    Long visitId,
    String question,
    String imagingReport,
    Integer ptWeeks,
    String medicationsTried,
    long nominatedBy) {}
