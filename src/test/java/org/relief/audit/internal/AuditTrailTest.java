package org.relief.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.relief.audit.AuditEntry;
import org.relief.audit.AuditEntry.ActorType;
import org.relief.audit.AuditEntry.Outcome;
import org.relief.audit.AuditTrail;
import org.relief.identity.UserAccounts;
import org.relief.platform.Role;
import org.relief.support.Http;
import org.relief.support.MutableClock;
import org.relief.support.ReliefIntegrationTest;
import org.relief.support.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

@ReliefIntegrationTest
class AuditTrailTest {

  @LocalServerPort int port;
  @Autowired AuditTrail trail;
  @Autowired AuditLedger ledger;
  @Autowired AuditReport report;
  @Autowired JdbcClient jdbc;
  @Autowired DataSource dataSource;
  @Autowired MutableClock clock;
  @Autowired UserAccounts accounts;

  private long record(String actor, String action) {
    return ledger.append(
        new AuditEntry(
            actor, ActorType.USER, action, "Patient", "P-1", Outcome.SUCCESS, "127.0.0.1", null));
  }

  private List<Map<String, Object>> eventsOf(String actor) {
    return jdbc.sql("SELECT * FROM audit_event WHERE actor = :a ORDER BY id")
        .param("a", actor)
        .query()
        .listOfRows();
  }

  @Test
  void signInFailureSignInAndSignOutAreEachRecordedWithEveryField() {
    accounts.create(
        new UserAccounts.NewUser("audited.one", "A", "a-long-enough-pass", Set.of(Role.NURSE)));
    Http browser = Http.browser(port);
    browser.signIn("audited.one", "wrong-password-here");
    browser.signIn("audited.one", "a-long-enough-pass");
    browser.submit("/account/security", "/logout", Map.of());

    var events = eventsOf("audited.one");
    assertThat(events)
        .extracting(e -> e.get("action") + "/" + e.get("outcome"))
        .containsExactly("SIGN_IN/FAILURE", "SIGN_IN/SUCCESS", "SIGN_OUT/SUCCESS");
    for (var e : events) {
      assertThat(e.get("occurred_at")).isNotNull();
      assertThat(e.get("actor_type")).isEqualTo("USER");
      assertThat(e.get("object_type")).isEqualTo("UserAccount");
      assertThat(e.get("source_address")).isNotNull();
      assertThat(e.get("hash").toString()).hasSize(64);
      Instant at = ((java.sql.Timestamp) e.get("occurred_at")).toInstant();
      assertThat(Duration.between(at, clock.instant()).abs()).isLessThan(Duration.ofSeconds(1));
    }
  }

  @Test
  void theDatabaseRefusesToChangeOrDeleteAuditEvents() {
    long id = record("immutable", "READ");
    assertThatThrownBy(
            () ->
                jdbc.sql("UPDATE audit_event SET actor = 'someone-else' WHERE id = :id")
                    .param("id", id)
                    .update())
        .isInstanceOf(DataAccessException.class)
        .rootCause()
        .hasMessageContaining("append-only");
    assertThatThrownBy(
            () -> jdbc.sql("DELETE FROM audit_event WHERE id = :id").param("id", id).update())
        .isInstanceOf(DataAccessException.class)
        .rootCause()
        .hasMessageContaining("append-only");
    assertThatThrownBy(() -> jdbc.sql("TRUNCATE audit_event").update())
        .isInstanceOf(DataAccessException.class)
        .rootCause()
        .hasMessageContaining("append-only");
    assertThat(eventsOf("immutable")).hasSize(1);
  }

  @Test
  void verificationFindsARowChangedBehindItsBack() throws Exception {
    record("tamper-a", "READ");
    long victim = record("tamper-b", "READ");
    record("tamper-c", "READ");
    assertThat(ledger.verify().valid()).isTrue();

    behindItsBack("UPDATE audit_event SET object_id = 'P-2' WHERE id = " + victim);
    try {
      var result = ledger.verify();
      assertThat(result.valid()).isFalse();
      assertThat(result.firstBrokenEventId()).isEqualTo(victim);
    } finally {
      behindItsBack("UPDATE audit_event SET object_id = 'P-1' WHERE id = " + victim);
    }
    assertThat(ledger.verify().valid()).isTrue();
  }

  @Test
  void verificationFindsADeletedRow() throws Exception {
    record("delete-a", "READ");
    long victim = record("delete-b", "READ");
    long next = record("delete-c", "READ");
    var saved =
        jdbc.sql("SELECT * FROM audit_event WHERE id = :id")
            .param("id", victim)
            .query()
            .singleRow();

    behindItsBack("DELETE FROM audit_event WHERE id = " + victim);
    try {
      var result = ledger.verify();
      assertThat(result.valid()).isFalse();
      assertThat(result.firstBrokenEventId()).isEqualTo(next);
    } finally {
      restore(saved);
    }
    assertThat(ledger.verify().valid()).isTrue();
  }

  @Test
  void verificationFindsSwappedRows() throws Exception {
    long first = record("swap-a", "READ");
    long second = record("swap-b", "UPDATE");
    behindItsBack(
        "UPDATE audit_event SET id = -1 WHERE id = "
            + first
            + ";"
            + "UPDATE audit_event SET id = "
            + first
            + " WHERE id = "
            + second
            + ";"
            + "UPDATE audit_event SET id = "
            + second
            + " WHERE id = -1");
    try {
      var result = ledger.verify();
      assertThat(result.valid()).isFalse();
      assertThat(result.firstBrokenEventId()).isEqualTo(first);
    } finally {
      behindItsBack(
          "UPDATE audit_event SET id = -1 WHERE id = "
              + first
              + ";"
              + "UPDATE audit_event SET id = "
              + first
              + " WHERE id = "
              + second
              + ";"
              + "UPDATE audit_event SET id = "
              + second
              + " WHERE id = -1");
    }
    assertThat(ledger.verify().valid()).isTrue();
  }

  @Test
  void reportFiltersByPeriodAndSortsByEachField() {
    Instant start = clock.instant();
    try {
      clock.set(Instant.parse("2030-03-01T12:00:00Z"));
      record("period-zed", "READ");
      clock.set(Instant.parse("2030-03-02T12:00:00Z"));
      record("period-bob", "UPDATE");
      record("period-amy", "CREATE");
      clock.set(Instant.parse("2030-03-03T12:00:00Z"));
      record("period-cat", "READ");
    } finally {
      clock.set(start);
    }
    var day2 =
        new AuditReport.Query(
            Instant.parse("2030-03-02T00:00:00Z"),
            Instant.parse("2030-03-03T00:00:00Z"),
            "period-",
            null,
            null,
            null,
            "actor",
            true,
            0,
            50);
    assertThat(report.search(day2).lines())
        .extracting(AuditReport.Line::actor)
        .containsExactly("period-amy", "period-bob");
    var descending =
        new AuditReport.Query(
            day2.from(), day2.to(), "period-", null, null, null, "actor", false, 0, 50);
    assertThat(report.search(descending).lines())
        .extracting(AuditReport.Line::actor)
        .containsExactly("period-bob", "period-amy");
    for (String column : AuditReport.SORTABLE.keySet()) {
      var byColumn =
          new AuditReport.Query(null, null, "period-", null, null, null, column, true, 0, 50);
      assertThat(report.search(byColumn).total()).as(column).isEqualTo(4);
    }
    var byAction =
        new AuditReport.Query(null, null, "period-", null, null, null, "action", true, 0, 50);
    assertThat(report.search(byAction).lines())
        .extracting(AuditReport.Line::action)
        .containsExactly("CREATE", "READ", "READ", "UPDATE");
  }

  @Test
  void adminSeesTheReportAndTheChainStatusAndTheViewIsAudited() {
    Http admin = Http.browser(port);
    admin.signIn(TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
    var page = admin.get("/audit?actor=admin&sort=time&dir=desc");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("Chain intact", "SIGN_IN");
    var fragment = admin.get("/audit?actor=admin", "HX-Request", "true");
    assertThat(fragment.body()).doesNotContain("<html").contains("events.");
    long views =
        jdbc.sql(
                "SELECT count(*) FROM audit_event WHERE action = 'AUDIT_REPORT' AND actor = 'admin'")
            .query(Long.class)
            .single();
    assertThat(views).isGreaterThanOrEqualTo(2);
  }

  @Test
  void recordAccessOutsideARequestIsTheSystem() {
    trail.recordAccess("READ", "Patient", "P-9", Outcome.SUCCESS);
    var last =
        jdbc.sql("SELECT actor, actor_type FROM audit_event ORDER BY id DESC LIMIT 1")
            .query()
            .singleRow();
    assertThat(last.get("actor")).isEqualTo("relief");
    assertThat(last.get("actor_type")).isEqualTo("SYSTEM");
  }

  /** Runs SQL as the superuser with triggers off, as someone tampering with the database would. */
  private void behindItsBack(String sql) throws Exception {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.execute("SET session_replication_role = replica");
      try {
        for (String statement : sql.split(";")) {
          s.execute(statement);
        }
      } finally {
        s.execute("SET session_replication_role = DEFAULT");
      }
    }
  }

  private void restore(Map<String, Object> row) throws Exception {
    try (Connection c = dataSource.getConnection()) {
      try (Statement s = c.createStatement()) {
        s.execute("SET session_replication_role = replica");
      }
      try (var insert =
          c.prepareStatement(
              "INSERT INTO audit_event (id, occurred_at, actor, actor_type, action, object_type,"
                  + " object_id, outcome, source_address, detail, hash)"
                  + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        String[] columns = {
          "id",
          "occurred_at",
          "actor",
          "actor_type",
          "action",
          "object_type",
          "object_id",
          "outcome",
          "source_address",
          "detail",
          "hash"
        };
        for (int i = 0; i < columns.length; i++) {
          insert.setObject(i + 1, row.get(columns[i]));
        }
        insert.executeUpdate();
      } finally {
        try (Statement s = c.createStatement()) {
          s.execute("SET session_replication_role = DEFAULT");
        }
      }
    }
  }
}
