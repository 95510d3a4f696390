package org.relief.assessments.questionnaires;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Puts the rate limit in front of every patient-link page. */
@Configuration(proxyBeanMethods = false)
class QuestionnaireWebConfiguration implements WebMvcConfigurer {

  private final LinkRateLimiter limiter;

  QuestionnaireWebConfiguration(LinkRateLimiter limiter) {
    this.limiter = limiter;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(limiter).addPathPatterns("/q/**");
  }
}
