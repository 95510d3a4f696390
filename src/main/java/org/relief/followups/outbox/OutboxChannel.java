package org.relief.followups.outbox;

import java.sql.Timestamp;
import java.time.Clock;
import org.relief.followups.MessageChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The default channel: messages are kept in the outbox table (in the caller's transaction, so a
 * reminder exists exactly when the change that caused it does) for staff to see and for a gateway
 * to pick up.
 */
class OutboxChannel implements MessageChannel {

  private static final Logger log = LoggerFactory.getLogger(OutboxChannel.class);

  private final JdbcClient jdbc;
  private final Clock clock;

  OutboxChannel(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  public void send(OutboundMessage message) {
    long id =
        jdbc.sql(
                "INSERT INTO outbox_message (patient_id, purpose, body, created_at)"
                    + " VALUES (:p, :purpose, :body, :at) RETURNING id")
            .param("p", message.patientId())
            .param("purpose", message.purpose())
            .param("body", message.text())
            .param("at", Timestamp.from(clock.instant()))
            .query(Long.class)
            .single();
    log.info(
        "Message {} ({}) for patient {} put in the outbox",
        id,
        message.purpose(),
        message.patientId());
  }
}
