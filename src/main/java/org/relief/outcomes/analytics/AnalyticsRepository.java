package org.relief.outcomes.analytics;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The aggregate queries of the practice analytics (docs/decisions/0046 for what is counted).
 *
 * <p>At scale (docs/decisions/0047, 0060) each figure is the sum of three parts, read in one
 * statement so that they come from one snapshot:
 *
 * <ul>
 *   <li>the whole months of the period from the monthly rollup {@code outcome_rollup}, which the
 *       database keeps with every change of {@code outcome_measure}: closed follow-ups (answered or
 *       missed), and open ones (status {@code DUE}) due before the month of the cutoff;
 *   <li>the same follow-ups of the partial months at the period's edges, added (or, when fewer days
 *       lie outside the period, subtracted from a whole rollup month) from {@code outcome_measure}
 *       through its covering indexes ({@link PeriodPlan});
 *   <li>open follow-ups due from the first of the cutoff's month to the cutoff, counted live
 *       through the partial indexes {@code WHERE status = 'DUE'} (whether they count depends on
 *       today).
 * </ul>
 *
 * The results equal the direct aggregation of {@code outcome_measure}
 * (OutcomeRollupPropertiesTest).
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

  private static final String SUMS =
      " sum(due) AS due, sum(answered) AS answered, sum(r30) AS r30, sum(r50) AS r50";

  // What one follow-up row of the base table adds (sign 1) or takes away (sign -1).
  private static final String ROW_COUNTS =
      " sum(sign) AS due, sum(CASE WHEN responder30 IS NOT NULL THEN sign ELSE 0 END) AS"
          + " answered, sum(CASE WHEN responder30 THEN sign ELSE 0 END) AS r30,"
          + " sum(CASE WHEN responder50 THEN sign ELSE 0 END) AS r50";

  private final JdbcClient jdbc;

  AnalyticsRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A statement with its named parameters (the benchmark explains them). */
  record Statement(String sql, Map<String, Object> params) {}

  /** Every grouping of one time point over procedures performed in a period, in one statement. */
  List<Group> grouped(
      String timepoint, LocalDate from, LocalDate to, String procedureType, LocalDate cutoff) {
    Statement statement = groupedStatement(timepoint, from, to, procedureType, cutoff);
    record Part(String dimension, String procedureType, String key, Tally tally) {}
    List<Part> parts =
        jdbc.sql(statement.sql())
            .params(statement.params())
            .query(
                (rs, row) -> {
                  String dimension = rs.getString("dimension");
                  String key =
                      switch (dimension) {
                        case "level" -> rs.getString("level_set");
                        case "physician" -> Long.toString(rs.getLong("operator_user_id"));
                        default -> rs.getString("diagnosis_code");
                      };
                  return new Part(dimension, rs.getString("procedure_type"), key, tally(rs));
                })
            .list();
    // The whole practice and each procedure type are the sums of their level sets.
    Tally all = new Tally(0, 0, 0, 0);
    Map<String, Tally> byType = new LinkedHashMap<>();
    List<Group> levels = new ArrayList<>();
    List<Group> others = new ArrayList<>();
    for (Part p : parts) {
      switch (p.dimension()) {
        case "level" -> {
          all = all.plus(p.tally());
          byType.merge(p.procedureType(), p.tally(), Tally::plus);
          levels.add(new Group(Grouping.LEVEL, p.procedureType(), p.key(), p.tally()));
        }
        case "physician" -> others.add(new Group(Grouping.PHYSICIAN, null, p.key(), p.tally()));
        default -> others.add(new Group(Grouping.DIAGNOSIS, null, p.key(), p.tally()));
      }
    }
    List<Group> groups = new ArrayList<>();
    groups.add(new Group(Grouping.ALL, null, null, all));
    byType.forEach((type, t) -> groups.add(new Group(Grouping.PROCEDURE, type, null, t)));
    groups.addAll(levels);
    groups.addAll(others);
    return groups;
  }

  /**
   * The grouped report's statement: one row per level set (with its procedure type), physician and
   * diagnosis; the whole practice and each procedure type are summed from the level sets.
   */
  static Statement groupedStatement(
      String timepoint, LocalDate from, LocalDate to, String procedureType, LocalDate cutoff) {
    Query q = new Query(List.of(timepoint), procedureType, cutoff, PeriodPlan.of(from, to));
    q.base(from, to, "procedure_type, level_set, operator_user_id, diagnosis_code");
    String rollup =
        "SELECT dimension, CASE WHEN dimension = 'level' THEN procedure_type END AS"
            + " procedure_type, level_set, operator_user_id, diagnosis_code, due, answered, r30,"
            + " r50 FROM outcome_rollup WHERE dimension IN ('level', 'physician', 'diagnosis')"
            + q.rollupFilter();
    String live =
        "SELECT CASE GROUPING(level_set, operator_user_id, diagnosis_code) WHEN 3 THEN 'level'"
            + " WHEN 5 THEN 'physician' ELSE 'diagnosis' END AS dimension, CASE WHEN"
            + " GROUPING(level_set) = 0 THEN procedure_type END AS procedure_type, level_set,"
            + " operator_user_id, diagnosis_code,"
            + ROW_COUNTS
            + " FROM base GROUP BY GROUPING SETS ((procedure_type, level_set),"
            + " (operator_user_id), (diagnosis_code))";
    String sql =
        q.with()
            + " SELECT dimension, procedure_type, level_set, operator_user_id, diagnosis_code,"
            + SUMS
            + " FROM ("
            + (q.plan.rollup() ? rollup + " UNION ALL " : "")
            + live
            + ") parts GROUP BY dimension, procedure_type, level_set, operator_user_id,"
            + " diagnosis_code HAVING sum(due) > 0";
    return new Statement(sql, q.params);
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
    Statement statement = byTimepointStatement(timepoints, from, to, procedureType, cutoff);
    jdbc.sql(statement.sql())
        .params(statement.params())
        .query((rs, row) -> Map.entry(rs.getString("timepoint"), tally(rs)))
        .list()
        .forEach(e -> result.put(e.getKey(), e.getValue()));
    return result;
  }

  /** The chart's statement: one row per time point. */
  static Statement byTimepointStatement(
      Collection<String> timepoints,
      LocalDate from,
      LocalDate to,
      String procedureType,
      LocalDate cutoff) {
    Query q = new Query(timepoints, procedureType, cutoff, PeriodPlan.of(from, to));
    q.base(from, to, "timepoint");
    String sql =
        q.with()
            + " SELECT timepoint,"
            + SUMS
            + " FROM ("
            + (q.plan.rollup()
                ? "SELECT timepoint, due, answered, r30, r50 FROM outcome_rollup WHERE dimension"
                    + " = 'level'"
                    + q.rollupFilter()
                    + " UNION ALL "
                : "")
            + "SELECT timepoint,"
            + ROW_COUNTS
            + " FROM base GROUP BY timepoint) parts GROUP BY timepoint HAVING sum(due) > 0";
    return new Statement(sql, q.params);
  }

  /** One procedure type at one time point, optionally over a period of procedure dates. */
  Tally responders(
      String procedureType, String timepoint, LocalDate from, LocalDate to, LocalDate cutoff) {
    Statement statement = respondersStatement(procedureType, timepoint, from, to, cutoff);
    return jdbc.sql(statement.sql())
        .params(statement.params())
        .query((rs, row) -> tally(rs))
        .single();
  }

  /** The responders API's statement. */
  static Statement respondersStatement(
      String procedureType, String timepoint, LocalDate from, LocalDate to, LocalDate cutoff) {
    Query q = new Query(List.of(timepoint), procedureType, cutoff, PeriodPlan.of(from, to));
    q.base(from, to, "timepoint");
    String sql =
        q.with()
            + " SELECT coalesce(sum(due), 0) AS due, coalesce(sum(answered), 0) AS answered,"
            + " coalesce(sum(r30), 0) AS r30, coalesce(sum(r50), 0) AS r50 FROM ("
            + (q.plan.rollup()
                ? "SELECT due, answered, r30, r50 FROM outcome_rollup WHERE dimension = 'level'"
                    + q.rollupFilter()
                    + " UNION ALL "
                : "")
            + "SELECT"
            + ROW_COUNTS
            + " FROM base) parts";
    return new Statement(sql, q.params);
  }

  private static Tally tally(ResultSet rs) throws SQLException {
    return new Tally(
        rs.getLong("due"), rs.getLong("answered"), rs.getLong("r30"), rs.getLong("r50"));
  }

  /**
   * The shared parts of one statement: which time points and procedure type, the rollup months, and
   * the base rows with their sign (closed follow-ups on the edges, open ones live).
   */
  private static final class Query {
    final PeriodPlan plan;
    final Map<String, Object> params = new HashMap<>();
    private final String timepoints;
    private final String type;
    private String base;

    Query(Collection<String> timepoints, String procedureType, LocalDate cutoff, PeriodPlan plan) {
      this.plan = plan;
      if (timepoints.size() == 1) {
        this.timepoints = "timepoint = :tp";
        params.put("tp", timepoints.iterator().next());
      } else {
        this.timepoints = "timepoint IN (:tps)";
        params.put("tps", new ArrayList<>(timepoints));
      }
      this.type = procedureType == null ? "" : " AND procedure_type = :type";
      if (procedureType != null) {
        params.put("type", procedureType);
      }
      params.put("cutoff", Date.valueOf(cutoff));
      params.put("cutoffMonth", Date.valueOf(cutoff.withDayOfMonth(1)));
    }

    /**
     * The base rows, {@code columns} plus sign and responder flags: on the edges, the follow-ups
     * the rollup would hold (closed, or open and due before the cutoff's month); over the whole
     * period, the open ones due from the first of the cutoff's month up to the cutoff.
     */
    void base(LocalDate from, LocalDate to, String columns) {
      List<String> parts = new ArrayList<>();
      String where = " FROM outcome_measure WHERE " + timepoints + type;
      String settled = "SELECT " + columns + ", %d AS sign, responder30, responder50" + where;
      String settledRows = " AND (status <> 'DUE' OR due_on < :cutoffMonth)";
      int n = 0;
      for (PeriodPlan.Days d : plan.add()) {
        parts.add(settled.formatted(1) + settledRows + between(d, "d" + n++));
      }
      for (PeriodPlan.Days d : plan.subtract()) {
        parts.add(settled.formatted(-1) + settledRows + between(d, "d" + n++));
      }
      // An open follow-up has no responder flags (they need status ANSWERED).
      StringBuilder open =
          new StringBuilder(
              "SELECT "
                  + columns
                  + ", 1 AS sign, CAST(NULL AS boolean) AS responder30,"
                  + " CAST(NULL AS boolean) AS responder50"
                  + where
                  + " AND status = 'DUE' AND due_on >= :cutoffMonth AND due_on <= :cutoff"
                  + " AND performed_on IS NOT NULL");
      if (from != null) {
        open.append(" AND performed_on >= :from");
        params.put("from", Date.valueOf(from));
      }
      if (to != null) {
        open.append(" AND performed_on <= :to");
        params.put("to", Date.valueOf(to));
      }
      parts.add(open.toString());
      base = String.join(" UNION ALL ", parts);
    }

    private String between(PeriodPlan.Days d, String name) {
      params.put(name + "f", Date.valueOf(d.from()));
      params.put(name + "t", Date.valueOf(d.to()));
      return " AND performed_on BETWEEN :" + name + "f AND :" + name + "t";
    }

    String with() {
      return "WITH base AS (" + base + ")";
    }

    /** The conditions on the rollup rows, after a first condition. */
    String rollupFilter() {
      StringBuilder s =
          new StringBuilder(
              " AND " + timepoints + type + " AND (due_month IS NULL OR due_month < :cutoffMonth)");
      if (plan.firstMonth() != null) {
        s.append(" AND month >= :firstMonth");
        params.put("firstMonth", Date.valueOf(plan.firstMonth()));
      }
      if (plan.lastMonth() != null) {
        s.append(" AND month <= :lastMonth");
        params.put("lastMonth", Date.valueOf(plan.lastMonth()));
      }
      return s.toString();
    }
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
