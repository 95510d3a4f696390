package org.relief.assessments.questionnaires;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import org.relief.platform.RateWindow;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Limits requests to patient links per client address in fixed one-minute windows, in this node's
 * memory (docs/decisions/0015-patient-links.md says what several nodes need). A client over the
 * limit gets {@link LinkRateLimited}, answered 429 with a friendly page.
 */
@Component
class LinkRateLimiter implements HandlerInterceptor {

  private final RateWindow window;

  LinkRateLimiter(Clock clock, QuestionnaireSettings settings) {
    this.window = new RateWindow(clock, settings.linkRequestsPerMinute());
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
    return window.admit(address);
  }

  /** Too many requests from one address: answered 429. */
  static class LinkRateLimited extends RuntimeException {
    LinkRateLimited() {
      super("Too many requests to patient links from one address", null, false, false);
    }
  }
}
