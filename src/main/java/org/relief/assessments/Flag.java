package org.relief.assessments;

/** Something in a result a clinician must act on or know, with a stable code for programs. */
public record Flag(String code, String message) {}
