package org.relief.patients;

/**
 * A sentence of decision support for the prescribing clinician, never an order.
 *
 * @param code stable for programs, e.g. {@code "offer-naloxone"}
 * @param text for people
 */
public record Guidance(String code, String text, Provenance provenance) {}
