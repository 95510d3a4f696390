package org.relief.platform;

import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Knows whether this database holds the synthetic demo practice, so that every page can say that
 * what it shows is synthetic.
 */
@Component
public class DemoPractice {

  private static final String MARKER = "synthetic-demo-practice";

  private final JdbcClient jdbc;
  private final Clock clock;
  private volatile Boolean loaded;

  DemoPractice(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public void markLoaded() {
    jdbc.sql(
            "INSERT INTO practice_marker (marker, recorded_at) VALUES (:m, :t)"
                + " ON CONFLICT (marker) DO NOTHING")
        .param("m", MARKER)
        .param("t", java.sql.Timestamp.from(clock.instant()))
        .update();
    loaded = true;
  }

  public boolean loaded() {
    Boolean known = loaded;
    if (known == null) {
      known =
          jdbc.sql("SELECT count(*) FROM practice_marker WHERE marker = :m")
                  .param("m", MARKER)
                  .query(Long.class)
                  .single()
              > 0;
      loaded = known;
    }
    return known;
  }
}
