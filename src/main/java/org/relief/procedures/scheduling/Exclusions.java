package org.relief.procedures.scheduling;

import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.springframework.dao.DataAccessException;

/** Reads PostgreSQL's exclusion-constraint refusals (SQLSTATE 23P01) and formats times for them. */
final class Exclusions {

  private static final String EXCLUSION_VIOLATION = "23P01";
  private static final DateTimeFormatter HOURS = DateTimeFormatter.ofPattern("HH:mm");

  private Exclusions() {}

  /** The name of the exclusion constraint that refused the statement, if that is what it was. */
  static Optional<String> violated(DataAccessException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && EXCLUSION_VIOLATION.equals(sql.getSQLState())) {
        String message = String.valueOf(sql.getMessage());
        int start = message.indexOf('"');
        int end = start < 0 ? -1 : message.indexOf('"', start + 1);
        return Optional.of(end > start ? message.substring(start + 1, end) : "");
      }
    }
    return Optional.empty();
  }

  /** "14:00–14:45" in the practice's time zone. */
  static String span(Instant from, Instant to, ZoneId zone) {
    return HOURS.format(from.atZone(zone)) + "–" + HOURS.format(to.atZone(zone));
  }
}
