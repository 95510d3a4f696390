package org.relief.careers.specialists;

import java.time.LocalDate;
import org.relief.careers.jobs.Board;

/** A board certification with its maintenance-of-certification (MOC) dates. */
public record BoardCertification(
    long id,
    Board board,
    String specialty,
    LocalDate certifiedOn,
    LocalDate expiresOn,
    LocalDate mocDueOn) {

  public boolean currentOn(LocalDate day) {
    return expiresOn == null || !expiresOn.isBefore(day);
  }
}
