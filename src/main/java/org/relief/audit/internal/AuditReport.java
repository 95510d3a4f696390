package org.relief.audit.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Searches the trail by period and field, sortable by each column (ONC 170.315(d)(3)). */
@Repository
public class AuditReport {

  /** Columns a report can be sorted by, mapped to their SQL. */
  public static final Map<String, String> SORTABLE =
      Map.of(
          "time", "occurred_at",
          "actor", "actor",
          "actorType", "actor_type",
          "action", "action",
          "objectType", "object_type",
          "objectId", "object_id",
          "outcome", "outcome",
          "source", "source_address");

  private final JdbcClient jdbc;

  AuditReport(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** What to look for; null fields are not filtered on. */
  public record Query(
      Instant from,
      Instant to,
      String actor,
      String action,
      String objectType,
      String objectId,
      String sort,
      boolean ascending,
      int page,
      int pageSize) {}

  /** One line of the report. */
  public record Line(
      long id,
      Instant occurredAt,
      String actor,
      String actorType,
      String action,
      String objectType,
      String objectId,
      String outcome,
      String sourceAddress,
      String detail) {}

  /** One page of lines and the number matching in all. */
  public record Page(List<Line> lines, long total) {}

  public Page search(Query q) {
    String where =
        """
        WHERE (CAST(:from AS timestamptz) IS NULL OR occurred_at >= :from)
          AND (CAST(:to AS timestamptz) IS NULL OR occurred_at < :to)
          AND (CAST(:actor AS text) IS NULL OR actor ILIKE '%' || :actor || '%')
          AND (CAST(:action AS text) IS NULL OR action = :action)
          AND (CAST(:objectType AS text) IS NULL OR object_type = :objectType)
          AND (CAST(:objectId AS text) IS NULL OR object_id = :objectId)
        """;
    String column = SORTABLE.getOrDefault(q.sort(), "occurred_at");
    String direction = q.ascending() ? "ASC" : "DESC";
    Map<String, Object> params = new java.util.HashMap<>();
    params.put("from", q.from() == null ? null : Timestamp.from(q.from()));
    params.put("to", q.to() == null ? null : Timestamp.from(q.to()));
    params.put("actor", blankToNull(q.actor()));
    params.put("action", blankToNull(q.action()));
    params.put("objectType", blankToNull(q.objectType()));
    params.put("objectId", blankToNull(q.objectId()));
    long total =
        jdbc.sql("SELECT count(*) FROM audit_event " + where)
            .params(params)
            .query(Long.class)
            .single();
    params.put("limit", q.pageSize());
    params.put("offset", (long) q.page() * q.pageSize());
    List<Line> lines =
        jdbc.sql(
                "SELECT id, occurred_at, actor, actor_type, action, object_type, object_id,"
                    + " outcome, source_address, detail FROM audit_event "
                    + where
                    + " ORDER BY "
                    + column
                    + " "
                    + direction
                    + " NULLS LAST, id "
                    + direction
                    + " LIMIT :limit OFFSET :offset")
            .params(params)
            .query(
                (rs, n) ->
                    new Line(
                        rs.getLong("id"),
                        rs.getTimestamp("occurred_at").toInstant(),
                        rs.getString("actor"),
                        rs.getString("actor_type"),
                        rs.getString("action"),
                        rs.getString("object_type"),
                        rs.getString("object_id"),
                        rs.getString("outcome"),
                        rs.getString("source_address"),
                        rs.getString("detail")))
            .list();
    return new Page(lines, total);
  }

  /** The distinct actions recorded so far, for the report's filter. */
  public List<String> actions() {
    return jdbc.sql("SELECT DISTINCT action FROM audit_event ORDER BY action")
        .query(String.class)
        .list();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
