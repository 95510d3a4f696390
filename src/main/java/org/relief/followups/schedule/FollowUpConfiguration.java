package org.relief.followups.schedule;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import org.relief.platform.RateWindow;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Runs the follow-up rounds on their timer, and limits requests to patients' follow-up and diary
 * links per client address (60 a minute, as for questionnaire links: a patient stays well below it,
 * a guesser does not get far).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class FollowUpConfiguration implements WebMvcConfigurer {

  private final RateWindow window;

  FollowUpConfiguration(Clock clock) {
    this.window = new RateWindow(clock, 60);
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry
        .addInterceptor(
            new HandlerInterceptor() {
              @Override
              public boolean preHandle(
                  HttpServletRequest request, HttpServletResponse response, Object handler) {
                if (window.admit(request.getRemoteAddr())) {
                  return true;
                }
                response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
                response.setHeader("Retry-After", Long.toString(window.secondsToNextWindow()));
                return false;
              }
            })
        .addPathPatterns("/followup/**", "/diary/**");
  }
}
