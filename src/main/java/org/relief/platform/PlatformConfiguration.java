package org.relief.platform;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The clock every rule and record reads time from (tests inject their own). */
@Configuration(proxyBeanMethods = false)
class PlatformConfiguration {

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}
