package org.relief.followups.outbox;

import java.time.Clock;
import org.relief.followups.MessageChannel;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The outbox is the message channel; a deployment with an e-mail or SMS gateway declares its own
 * {@link MessageChannel} bean as {@code @Primary}.
 */
@Configuration(proxyBeanMethods = false)
class OutboxConfiguration {

  @Bean
  MessageChannel outboxChannel(JdbcClient jdbc, Clock clock) {
    return new OutboxChannel(jdbc, clock);
  }
}
