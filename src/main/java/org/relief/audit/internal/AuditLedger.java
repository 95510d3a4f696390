package org.relief.audit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.relief.audit.AuditEntry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The hash-chained ledger behind the audit trail.
 *
 * <p>Design notes. Appends are serialised by a transaction-scoped advisory lock so that each row's
 * hash can cover the previous row's hash; the lock is held only for the few statements of one
 * append, in a transaction of its own (an audit row must not vanish with a caller's rollback).
 * Times are kept to the microsecond, PostgreSQL's precision, so that what is hashed is exactly what
 * is stored. Fields are length-prefixed before hashing so that no two different rows can hash the
 * same text. The database refuses UPDATE, DELETE and TRUNCATE on the table (a trigger), and {@link
 * #verify()} finds the first row whose hash no longer matches what it holds.
 */
@Repository
public class AuditLedger {

  static final String GENESIS = "0".repeat(64);
  private static final long CHAIN_LOCK = 0x52454c494546L;

  private final JdbcClient jdbc;
  private final Clock clock;
  private final TransactionTemplate ownTransaction;
  private final AtomicLong appendTransactions = new AtomicLong();

  AuditLedger(JdbcClient jdbc, Clock clock, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** Appends one event; answers its ID. */
  public long append(AuditEntry entry) {
    List<Long> ids = appendAll(List.of(entry));
    return ids.isEmpty() ? -1 : ids.get(0);
  }

  /**
   * Appends events in the order given, chained one after the other, under one acquisition of the
   * chain lock and in one commit (decision 0076): what a Bundle or an import batch records costs
   * one commit, not one per event. Answers their IDs.
   */
  public List<Long> appendAll(List<AuditEntry> entries) {
    if (entries.isEmpty()) {
      return List.of();
    }
    Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
    List<Long> ids =
        ownTransaction.execute(
            status -> {
              jdbc.sql("SELECT pg_advisory_xact_lock(:lock)")
                  .param("lock", CHAIN_LOCK)
                  .query((rs, n) -> 1)
                  .single();
              String previous =
                  jdbc.sql("SELECT hash FROM audit_event ORDER BY id DESC LIMIT 1")
                      .query(String.class)
                      .optional()
                      .orElse(GENESIS);
              List<Long> next =
                  new ArrayList<>(
                      jdbc.sql("SELECT nextval('audit_event_seq') FROM generate_series(1, :n)")
                          .param("n", entries.size())
                          .query(Long.class)
                          .list());
              Collections.sort(next);
              for (int i = 0; i < entries.size(); i++) {
                AuditEntry entry = entries.get(i);
                StoredEvent event = StoredEvent.of(next.get(i), at, entry);
                String hash = event.hashAfter(previous);
                jdbc.sql(
                        """
                        INSERT INTO audit_event (id, occurred_at, actor, actor_type, action,
                            object_type, object_id, outcome, source_address, detail, hash)
                        VALUES (:id, :at, :actor, :actorType, :action, :objectType, :objectId,
                            :outcome, :source, :detail, :hash)
                        """)
                    .param("id", next.get(i))
                    .param("at", Timestamp.from(at))
                    .param("actor", entry.actor())
                    .param("actorType", entry.actorType().name())
                    .param("action", entry.action())
                    .param("objectType", entry.objectType())
                    .param("objectId", entry.objectId())
                    .param("outcome", entry.outcome().name())
                    .param("source", entry.sourceAddress())
                    .param("detail", entry.detail())
                    .param("hash", hash)
                    .update();
                previous = hash;
              }
              return next;
            });
    appendTransactions.incrementAndGet();
    return ids == null ? List.of() : ids;
  }

  /**
   * How many append transactions (each one lock acquisition and one commit) this node has run since
   * it started: a measure of what the trail costs.
   */
  public long appendTransactions() {
    return appendTransactions.get();
  }

  /** Walks the whole chain in order and reports the first event that does not match its hash. */
  public ChainVerification verify() {
    long[] count = {0};
    Long[] firstBroken = {null};
    String[] previous = {GENESIS};
    jdbc.sql(
            """
            SELECT id, occurred_at, actor, actor_type, action, object_type, object_id, outcome,
                   source_address, detail, hash
            FROM audit_event ORDER BY id
            """)
        .withFetchSize(1000)
        .query(
            (ResultSet rs) -> {
              count[0]++;
              StoredEvent event = StoredEvent.from(rs);
              String stored = rs.getString("hash");
              if (firstBroken[0] == null && !event.hashAfter(previous[0]).equals(stored)) {
                firstBroken[0] = event.id();
              }
              previous[0] = stored;
            });
    return new ChainVerification(firstBroken[0] == null, count[0], firstBroken[0]);
  }

  /** The outcome of a chain verification. */
  public record ChainVerification(boolean valid, long events, Long firstBrokenEventId) {}

  /** An event as stored, with the text its hash covers. */
  public record StoredEvent(
      long id,
      Instant occurredAt,
      String actor,
      String actorType,
      String action,
      String objectType,
      String objectId,
      String outcome,
      String sourceAddress,
      String detail) {

    static StoredEvent of(long id, Instant at, AuditEntry e) {
      return new StoredEvent(
          id,
          at,
          e.actor(),
          e.actorType().name(),
          e.action(),
          e.objectType(),
          e.objectId(),
          e.outcome().name(),
          e.sourceAddress(),
          e.detail());
    }

    static StoredEvent from(ResultSet rs) throws SQLException {
      return new StoredEvent(
          rs.getLong("id"),
          rs.getTimestamp("occurred_at").toInstant(),
          rs.getString("actor"),
          rs.getString("actor_type"),
          rs.getString("action"),
          rs.getString("object_type"),
          rs.getString("object_id"),
          rs.getString("outcome"),
          rs.getString("source_address"),
          rs.getString("detail"));
    }

    String hashAfter(String previousHash) {
      StringBuilder text = new StringBuilder(previousHash);
      for (Object field :
          new Object[] {
            id,
            ChronoUnit.MICROS.between(Instant.EPOCH, occurredAt),
            actor,
            actorType,
            action,
            objectType,
            objectId,
            outcome,
            sourceAddress,
            detail
          }) {
        if (field == null) {
          text.append("|-1:");
        } else {
          String value = field.toString();
          text.append('|').append(value.length()).append(':').append(value);
        }
      }
      try {
        byte[] digest =
            MessageDigest.getInstance("SHA-256")
                .digest(text.toString().getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest);
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
