package org.relief.careers.employers;

/** An organisation that posts jobs; its recruiters act only on its own postings. */
public record Employer(
    long id, String name, EmployerType type, boolean synthetic, int recruiters) {}
