package org.relief.assessments;

import java.util.Locale;

/**
 * What scoring needs beside the answers. {@code sexAsGiven} is the caller's text ({@code "female"}
 * or {@code "male"}), kept raw so that a wrong value is refused with a message naming it.
 */
public record ScoringContext(String sexAsGiven) {

  public static ScoringContext none() {
    return new ScoringContext(null);
  }

  public static ScoringContext of(Sex sex) {
    return sex == null ? none() : new ScoringContext(sex.name().toLowerCase(Locale.ROOT));
  }
}
