package org.relief.outcomes.analytics;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The aggregate queries of the practice analytics, all on {@code outcome_measure} through its
 * covering indexes (docs/decisions/0047-outcome-analytics-at-scale.md).
 */
@Repository
class AnalyticsRepository {

  /** How a row of the grouped report is grouped. */
  enum Grouping {
    ALL,
    PROCEDURE,
    LEVEL,
    PHYSICIAN,
    DIAGNOSIS
  }

  /** One group: {@code procedureType} is set for PROCEDURE and LEVEL, {@code key} otherwise. */
  record Group(Grouping grouping, String procedureType, String key, Tally tally) {}

  private static final String COUNTS =
      " count(*) AS due, count(responder30) AS answered,"
          + " count(*) FILTER (WHERE responder30) AS r30,"
          + " count(*) FILTER (WHERE responder50) AS r50";

  // A follow-up counts as due once answered or missed, or once its due date is past the grace.
  private static final String DUE = " AND (status <> 'DUE' OR due_on <= :cutoff)";

  private final JdbcClient jdbc;

  AnalyticsRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Every grouping of one time point over procedures performed in a period, in one scan. */
  List<Group> grouped(
      String timepoint, LocalDate from, LocalDate to, String procedureType, LocalDate cutoff) {
    String sql =
        "SELECT GROUPING(procedure_type, level_set, operator_user_id, diagnosis_code) AS g,"
            + " procedure_type, level_set, operator_user_id, diagnosis_code,"
            + COUNTS
            + " FROM outcome_measure WHERE timepoint = :tp AND performed_on BETWEEN :from AND :to"
            + (procedureType == null ? "" : " AND procedure_type = :type")
            + DUE
            + " GROUP BY GROUPING SETS ((), (procedure_type), (procedure_type, level_set),"
            + " (operator_user_id), (diagnosis_code))";
    var statement =
        jdbc.sql(sql)
            .param("tp", timepoint)
            .param("from", Date.valueOf(from))
            .param("to", Date.valueOf(to))
            .param("cutoff", Date.valueOf(cutoff));
    if (procedureType != null) {
      statement = statement.param("type", procedureType);
    }
    return statement
        .query(
            (rs, row) -> {
              Tally tally =
                  new Tally(
                      rs.getLong("due"),
                      rs.getLong("answered"),
                      rs.getLong("r30"),
                      rs.getLong("r50"));
              int g = rs.getInt("g");
              return switch (g) {
                case 15 -> new Group(Grouping.ALL, null, null, tally);
                case 7 ->
                    new Group(Grouping.PROCEDURE, rs.getString("procedure_type"), null, tally);
                case 3 ->
                    new Group(
                        Grouping.LEVEL,
                        rs.getString("procedure_type"),
                        rs.getString("level_set"),
                        tally);
                case 13 ->
                    new Group(
                        Grouping.PHYSICIAN,
                        null,
                        Long.toString(rs.getLong("operator_user_id")),
                        tally);
                case 14 ->
                    new Group(Grouping.DIAGNOSIS, null, rs.getString("diagnosis_code"), tally);
                default -> throw new IllegalStateException("Unexpected grouping " + g);
              };
            })
        .list();
  }

  /** One tally per time point, for the chart. */
  Map<String, Tally> byTimepoint(
      Collection<String> timepoints,
      LocalDate from,
      LocalDate to,
      String procedureType,
      LocalDate cutoff) {
    Map<String, Tally> result = new LinkedHashMap<>();
    if (timepoints.isEmpty()) {
      return result;
    }
    String sql =
        "SELECT timepoint,"
            + COUNTS
            + " FROM outcome_measure WHERE timepoint IN (:tps)"
            + " AND performed_on BETWEEN :from AND :to"
            + (procedureType == null ? "" : " AND procedure_type = :type")
            + DUE
            + " GROUP BY timepoint";
    var statement =
        jdbc.sql(sql)
            .param("tps", new ArrayList<>(timepoints))
            .param("from", Date.valueOf(from))
            .param("to", Date.valueOf(to))
            .param("cutoff", Date.valueOf(cutoff));
    if (procedureType != null) {
      statement = statement.param("type", procedureType);
    }
    statement
        .query(
            (rs, row) ->
                Map.entry(
                    rs.getString("timepoint"),
                    new Tally(
                        rs.getLong("due"),
                        rs.getLong("answered"),
                        rs.getLong("r30"),
                        rs.getLong("r50"))))
        .list()
        .forEach(e -> result.put(e.getKey(), e.getValue()));
    return result;
  }

  /** One procedure type at one time point, optionally over a period of procedure dates. */
  Tally responders(
      String procedureType, String timepoint, LocalDate from, LocalDate to, LocalDate cutoff) {
    String sql =
        "SELECT"
            + COUNTS
            + " FROM outcome_measure WHERE procedure_type = :type AND timepoint = :tp"
            + (from == null ? "" : " AND performed_on >= :from")
            + (to == null ? "" : " AND performed_on <= :to")
            + " AND performed_on IS NOT NULL"
            + DUE;
    var statement =
        jdbc.sql(sql)
            .param("type", procedureType)
            .param("tp", timepoint)
            .param("cutoff", Date.valueOf(cutoff));
    if (from != null) {
      statement = statement.param("from", Date.valueOf(from));
    }
    if (to != null) {
      statement = statement.param("to", Date.valueOf(to));
    }
    return statement
        .query(
            (rs, row) ->
                new Tally(
                    rs.getLong("due"),
                    rs.getLong("answered"),
                    rs.getLong("r30"),
                    rs.getLong("r50")))
        .single();
  }

  /** The time points that occur in the read model (a skip scan over the analytics index). */
  List<String> timepoints() {
    return jdbc.sql(
            "WITH RECURSIVE t AS ((SELECT timepoint FROM outcome_measure ORDER BY timepoint LIMIT"
                + " 1) UNION ALL SELECT (SELECT m.timepoint FROM outcome_measure m WHERE"
                + " m.timepoint > t.timepoint ORDER BY m.timepoint LIMIT 1) FROM t WHERE"
                + " t.timepoint IS NOT NULL) SELECT timepoint FROM t WHERE timepoint IS NOT NULL")
        .query(String.class)
        .list();
  }

  /** The wording of diagnosis codes as recorded with the episodes. */
  Map<String, String> diagnosisDescriptions(Collection<String> codes) {
    Map<String, String> result = new LinkedHashMap<>();
    if (codes.isEmpty()) {
      return result;
    }
    jdbc.sql("SELECT code, description FROM outcome_diagnosis WHERE code IN (:codes)")
        .param("codes", new ArrayList<>(codes))
        .query((rs, row) -> Map.entry(rs.getString("code"), rs.getString("description")))
        .list()
        .forEach(e -> result.put(e.getKey(), e.getValue()));
    return result;
  }
}
