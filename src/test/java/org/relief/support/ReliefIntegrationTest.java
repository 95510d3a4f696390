package org.relief.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Clock;
import java.time.Instant;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on a random port with its own embedded PostgreSQL (a fresh temp folder per
 * test context) and a clock the test can move. Contexts are cached, so test classes share one.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(ReliefIntegrationTest.TestClock.class)
public @interface ReliefIntegrationTest {

  /** Replaces the system clock. */
  @TestConfiguration(proxyBeanMethods = false)
  class TestClock {
    @Bean
    @Primary
    MutableClock testClock() {
      return new MutableClock(Instant.now(Clock.systemUTC()));
    }
  }
}
