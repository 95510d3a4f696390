package org.relief.assessments.questionnaires;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Limits requests to patient links per client address in fixed one-minute windows, in this node's
 * memory (docs/decisions/0015-patient-links.md says what several nodes need). A client over the
 * limit gets {@link LinkRateLimited}, answered 429 with a friendly page.
 */
@Component
class LinkRateLimiter implements HandlerInterceptor {

  /** Addresses kept at most; beyond it, windows that have ended are dropped. */
  private static final int MAX_TRACKED = 10_000;

  private record Window(long minute, int count) {}

  private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();
  private final Clock clock;
  private final int perMinute;

  LinkRateLimiter(Clock clock, QuestionnaireSettings settings) {
    this.clock = clock;
    this.perMinute = settings.linkRequestsPerMinute();
  }

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    if (!admit(request.getRemoteAddr())) {
      throw new LinkRateLimited();
    }
    return true;
  }

  boolean admit(String address) {
    long minute = clock.millis() / 60_000;
    if (windows.size() > MAX_TRACKED) {
      windows.values().removeIf(w -> w.minute() < minute);
    }
    Window window =
        windows.compute(
            address == null ? "" : address,
            (a, w) ->
                w == null || w.minute() != minute
                    ? new Window(minute, 1)
                    : new Window(minute, w.count() + 1));
    return window.count() <= perMinute;
  }

  /** Too many requests from one address: answered 429. */
  static class LinkRateLimited extends RuntimeException {
    LinkRateLimited() {
      super("Too many requests to patient links from one address", null, false, false);
    }
  }
}
