package org.relief.careers.jobs;

/**
 * A point a distance is measured from: a city of Relief's place table, or the principal city of a
 * ZIP code's 3-digit area.
 *
 * @param name how it reads on the page ({@code Austin, TX} or {@code ZIP 787xx (Austin, TX)})
 */
public record Place(String name, double latitude, double longitude) {}
