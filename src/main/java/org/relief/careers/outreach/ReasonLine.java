package org.relief.careers.outreach;

/**
 * One line of "why you were matched".
 *
 * @param met for a requirement, whether it is met; null where the line is not a check
 */
public record ReasonLine(ReasonSection section, String label, Boolean met, String detail) {}
