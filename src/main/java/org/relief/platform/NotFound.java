package org.relief.platform;

/** Something asked for does not exist (or may not be seen by the asker): answered with 404. */
public class NotFound extends RuntimeException {

  public NotFound(String message) {
    super(message);
  }
}
