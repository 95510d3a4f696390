package org.relief.followups.plans;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.relief.followups.plans.PlanPoint.Kind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class PlanRepository {

  private final JdbcClient jdbc;

  PlanRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  private record Head(
      long id, String name, LocalDate effectiveFrom, Instant createdAt, String createdBy) {}

  List<String> names() {
    return jdbc.sql("SELECT DISTINCT name FROM follow_up_plan ORDER BY name")
        .query(String.class)
        .list();
  }

  List<FollowUpPlan> versions(String name) {
    List<Head> heads =
        jdbc.sql(
                "SELECT id, name, effective_from, created_at, created_by FROM follow_up_plan"
                    + " WHERE name = :name ORDER BY effective_from DESC")
            .param("name", name)
            .query(PlanRepository::head)
            .list();
    return withPoints(heads);
  }

  Optional<FollowUpPlan> inForce(String name, LocalDate on) {
    List<Head> heads =
        jdbc.sql(
                "SELECT id, name, effective_from, created_at, created_by FROM follow_up_plan"
                    + " WHERE name = :name AND effective_from <= :on"
                    + " ORDER BY effective_from DESC LIMIT 1")
            .param("name", name)
            .param("on", on)
            .query(PlanRepository::head)
            .list();
    return withPoints(heads).stream().findFirst();
  }

  Optional<FollowUpPlan> find(long id) {
    List<Head> heads =
        jdbc.sql(
                "SELECT id, name, effective_from, created_at, created_by FROM follow_up_plan"
                    + " WHERE id = :id")
            .param("id", id)
            .query(PlanRepository::head)
            .list();
    return withPoints(heads).stream().findFirst();
  }

  boolean exists(String name, LocalDate effectiveFrom) {
    return jdbc.sql(
                "SELECT count(*) FROM follow_up_plan WHERE name = :name AND effective_from = :on")
            .param("name", name)
            .param("on", effectiveFrom)
            .query(Long.class)
            .single()
        > 0;
  }

  long insert(String name, LocalDate effectiveFrom, List<PlanPoint> points, Instant at, String by) {
    long id =
        jdbc.sql(
                "INSERT INTO follow_up_plan (name, effective_from, created_at, created_by)"
                    + " VALUES (:name, :on, :at, :by) RETURNING id")
            .param("name", name)
            .param("on", effectiveFrom)
            .param("at", Timestamp.from(at))
            .param("by", by)
            .query(Long.class)
            .single();
    int position = 1;
    for (PlanPoint p : points) {
      jdbc.sql(
              "INSERT INTO follow_up_plan_point"
                  + " (plan_id, position, timepoint, kind, instruments, window_days)"
                  + " VALUES (:plan, :pos, :tp, :kind, :instruments, :window)")
          .param("plan", id)
          .param("pos", position++)
          .param("tp", p.timepoint())
          .param("kind", p.kind().code())
          .param("instruments", String.join(" ", p.instruments()))
          .param("window", p.windowDays())
          .update();
    }
    return id;
  }

  private List<FollowUpPlan> withPoints(List<Head> heads) {
    if (heads.isEmpty()) {
      return List.of();
    }
    List<Long> ids = heads.stream().map(Head::id).toList();
    Map<Long, List<PlanPoint>> points =
        jdbc
            .sql(
                "SELECT plan_id, timepoint, kind, instruments, window_days"
                    + " FROM follow_up_plan_point WHERE plan_id IN (:ids)"
                    + " ORDER BY plan_id, position")
            .param("ids", ids)
            .query(
                (rs, n) ->
                    Map.entry(
                        rs.getLong("plan_id"),
                        new PlanPoint(
                            rs.getString("timepoint"),
                            Kind.fromCode(rs.getString("kind")),
                            rs.getString("instruments").isBlank()
                                ? List.of()
                                : Arrays.asList(rs.getString("instruments").split(" ")),
                            rs.getInt("window_days"))))
            .list()
            .stream()
            .collect(
                Collectors.groupingBy(
                    Map.Entry::getKey,
                    Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    return heads.stream()
        .map(
            h ->
                new FollowUpPlan(
                    h.id(),
                    h.name(),
                    h.effectiveFrom(),
                    h.createdAt(),
                    h.createdBy(),
                    points.getOrDefault(h.id(), List.of())))
        .toList();
  }

  private static Head head(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    return new Head(
        rs.getLong("id"),
        rs.getString("name"),
        rs.getObject("effective_from", LocalDate.class),
        rs.getTimestamp("created_at").toInstant(),
        rs.getString("created_by"));
  }
}
