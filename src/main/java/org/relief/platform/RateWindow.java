package org.relief.platform;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts requests per key (a client address) in fixed one-minute windows, in this node's memory.
 * Each node counts on its own, so N nodes allow N times the rate; a shared limit belongs in
 * PostgreSQL or at the load balancer.
 */
public final class RateWindow {

  /** Keys kept at most; beyond it, windows that have ended are dropped. */
  private static final int MAX_TRACKED = 10_000;

  private record Window(long minute, int count) {}

  private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();
  private final Clock clock;
  private final int perMinute;

  public RateWindow(Clock clock, int perMinute) {
    this.clock = clock;
    this.perMinute = perMinute;
  }

  /** Counts one request for the key; returns how many it has made in the current minute. */
  public int count(String key) {
    long minute = clock.millis() / 60_000;
    if (windows.size() > MAX_TRACKED) {
      windows.values().removeIf(w -> w.minute() < minute);
    }
    return windows
        .compute(
            key == null ? "" : key,
            (k, w) ->
                w == null || w.minute() != minute
                    ? new Window(minute, 1)
                    : new Window(minute, w.count() + 1))
        .count();
  }

  /** Counts one request and says whether it is within the limit. */
  public boolean admit(String key) {
    return count(key) <= perMinute;
  }

  public int perMinute() {
    return perMinute;
  }

  /** Seconds until the current window ends (for a Retry-After header). */
  public long secondsToNextWindow() {
    return 60 - (clock.millis() / 1000) % 60;
  }
}
