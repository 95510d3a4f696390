package org.relief.assessments;

/** Sex as the Opioid Risk Tool weighs its items (clinical-rules.md §3.8). */
public enum Sex {
  FEMALE,
  MALE
}
