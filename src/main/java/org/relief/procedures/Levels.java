package org.relief.procedures;

import java.util.List;

/**
 * The levels a procedure may be done at.
 *
 * @param region {@code lumbar}, {@code cervical}, {@code thoracic}, {@code sacral}, {@code
 *     thoracolumbar} or {@code not level-based}
 * @param allowed the level labels, e.g. {@code L4–L5}; empty when not level-based
 */
public record Levels(String region, List<String> allowed) {

  public static final String NOT_LEVEL_BASED = "not level-based";

  public Levels {
    allowed = List.copyOf(allowed);
  }

  static Levels notLevelBased() {
    return new Levels(NOT_LEVEL_BASED, List.of());
  }

  /** Whether a level may be chosen for this procedure. */
  public boolean allows(String level) {
    return allowed.contains(level);
  }
}
