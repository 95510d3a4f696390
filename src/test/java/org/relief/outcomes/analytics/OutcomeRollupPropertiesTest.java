package org.relief.outcomes.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.flywaydb.core.Flyway;
import org.relief.outcomes.analytics.AnalyticsRepository.Group;
import org.relief.outcomes.analytics.AnalyticsRepository.Grouping;
import org.relief.platform.database.EmbeddedPostgres;
import org.relief.support.TestFolders;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The rollup-backed analytics equal the direct aggregation of {@code outcome_measure} (the queries
 * of docs/decisions/0047, kept here as the reference) for random follow-ups, changed afterwards by
 * random statements of every kind the read model sees (answers, re-scored answers, misses,
 * re-schedules, an episode arriving after its follow-ups, a corrected baseline, deletions), and for
 * random periods, time points, procedure types and "today"s. The periods cross month and year ends
 * and February, so both ways of reading an edge month are taken.
 */
class OutcomeRollupPropertiesTest {

  private static final LocalDate START = LocalDate.of(2025, 11, 20);
  private static final int SPAN_DAYS = 120;
  private static final String[] TIMEPOINTS = {"P14D", "P3M", "P6M"};
  private static final int[] TIMEPOINT_DAYS = {14, 90, 180};
  private static final String[] TYPES = {"lumbar-rfa", "cervical-rfa", "caudal-esi"};
  private static final String[][] LEVELS = {{"L4–L5", "L4–L5, L5–S1"}, {"C5–C6", "C6–C7"}, {""}};
  private static final String[] DIAGNOSES = {"M54.50", "M47.816", "M54.2", null};

  private static final int FIRST_OF_MONTH = 99;
  private static final int LAST_OF_MONTH = 98;

  private static EmbeddedPostgres pg;
  private static HikariDataSource ds;
  private static JdbcClient jdbc;
  private static AnalyticsRepository repository;

  @BeforeContainer
  static void database() {
    pg = EmbeddedPostgres.start(TestFolders.newFolder().resolve("data"));
    ds = new HikariDataSource();
    ds.setJdbcUrl(pg.jdbcUrl());
    ds.setUsername(pg.username());
    ds.setPassword(pg.password());
    ds.setMaximumPoolSize(2);
    Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
    jdbc = JdbcClient.create(ds);
    repository = new AnalyticsRepository(jdbc);
  }

  @AfterContainer
  static void stop() {
    ds.close();
    pg.close();
  }

  /** One follow-up as first recorded; {@code known} false: its episode has not arrived yet. */
  record Row(
      int tp,
      int type,
      int level,
      int operator,
      int dx,
      int day,
      int baseline,
      String status,
      int dueShift,
      Integer nrs,
      boolean known) {}

  /** One later statement on the read model, applied to the rows {@code id % modulus == rest}. */
  record Change(String kind, int modulus, int rest, int value) {}

  record Filter(LocalDate from, LocalDate to, int tp, Integer type, LocalDate cutoff) {}

  @Provide
  Arbitrary<List<Row>> rows() {
    Arbitrary<Row> row =
        Combinators.combine(
                Arbitraries.integers().between(0, TIMEPOINTS.length - 1),
                Arbitraries.integers().between(0, TYPES.length - 1),
                Arbitraries.integers().between(0, 1),
                Arbitraries.integers().between(1, 3),
                Arbitraries.integers().between(0, DIAGNOSES.length - 1),
                Arbitraries.integers().between(0, SPAN_DAYS),
                Arbitraries.integers().between(0, 10),
                Arbitraries.of("DUE", "DUE", "ANSWERED", "ANSWERED", "MISSED"))
            .flatAs(
                (tp, type, level, op, dx, day, baseline, status) ->
                    Combinators.combine(
                            Arbitraries.frequencyOf(
                                Tuple.of(4, Arbitraries.integers().between(-5, 20)),
                                Tuple.of(1, Arbitraries.of(FIRST_OF_MONTH, LAST_OF_MONTH))),
                            Arbitraries.integers().between(0, 10).injectNull(0.15),
                            Arbitraries.of(true, true, true, false))
                        .as(
                            (shift, nrs, known) ->
                                new Row(
                                    tp, type, level, op, dx, day, baseline, status, shift, nrs,
                                    known)));
    return row.list().ofMinSize(0).ofMaxSize(120);
  }

  @Provide
  Arbitrary<List<Change>> changes() {
    return Combinators.combine(
            Arbitraries.of(
                "answer",
                "rescore",
                "miss",
                "reschedule",
                "episode",
                "baseline",
                "delete",
                "insert-answered"),
            Arbitraries.integers().between(1, 4),
            Arbitraries.integers().between(0, 3),
            Arbitraries.integers().between(0, 10))
        .as((kind, m, r, v) -> new Change(kind, m, Math.min(r, m - 1), v))
        .list()
        .ofMaxSize(8);
  }

  @Provide
  Arbitrary<List<Filter>> filters() {
    Arbitrary<LocalDate> day = date();
    return Combinators.combine(
            day.injectNull(0.1),
            day.injectNull(0.1),
            Arbitraries.integers().between(0, TIMEPOINTS.length - 1),
            Arbitraries.integers().between(0, TYPES.length - 1).injectNull(0.4),
            Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.integers().between(0, SPAN_DAYS + 200)),
                Tuple.of(1, Arbitraries.integers().between(0, 10).map(m -> -m))))
        .as(
            (a, b, tp, type, cut) -> {
              LocalDate from = a == null || b == null || !a.isAfter(b) ? a : b;
              LocalDate to = a == null || b == null || !a.isAfter(b) ? b : a;
              // a negative cut: the first of a month, where open follow-ups are due
              LocalDate cutoff =
                  cut >= 0 ? START.plusDays(cut) : START.plusMonths(1 - cut).withDayOfMonth(1);
              return new Filter(from, to, tp, type, cutoff);
            })
        .list()
        .ofMinSize(1)
        .ofMaxSize(6);
  }

  /** Days around the data, often a first or last day of a month. */
  private static Arbitrary<LocalDate> date() {
    Arbitrary<LocalDate> any =
        Arbitraries.integers().between(-30, SPAN_DAYS + 30).map(START::plusDays);
    return Arbitraries.frequencyOf(
        Tuple.of(3, any),
        Tuple.of(1, any.map(d -> d.withDayOfMonth(1))),
        Tuple.of(1, any.map(d -> d.withDayOfMonth(d.lengthOfMonth()))));
  }

  @Property(tries = 60)
  void theRollupBackedFiguresEqualTheDirectAggregation(
      @ForAll("rows") List<Row> rows,
      @ForAll("changes") List<Change> changes,
      @ForAll("filters") List<Filter> filters) {
    jdbc.sql("TRUNCATE outcome_measure").update();
    jdbc.sql("DELETE FROM outcome_rollup").update();
    insert(rows);
    for (Change c : changes) {
      apply(c);
    }

    for (Filter f : filters) {
      String tp = TIMEPOINTS[f.tp()];
      String type = f.type() == null ? null : TYPES[f.type()];
      LocalDate from = f.from() == null ? START.minusDays(40) : f.from();
      LocalDate to = f.to() == null ? START.plusDays(SPAN_DAYS + 40) : f.to();
      assertThat(repository.grouped(tp, from, to, type, f.cutoff()))
          .as("grouped %s", f)
          .containsExactlyInAnyOrderElementsOf(directGrouped(tp, from, to, type, f.cutoff()));
      assertThat(repository.byTimepoint(List.of(TIMEPOINTS), from, to, type, f.cutoff()))
          .as("by time point %s", f)
          .isEqualTo(directByTimepoint(from, to, type, f.cutoff()));
      String apiType = type == null ? TYPES[0] : type;
      assertThat(repository.responders(apiType, tp, f.from(), f.to(), f.cutoff()))
          .as("responders %s", f)
          .isEqualTo(directResponders(apiType, tp, f.from(), f.to(), f.cutoff()));
    }
    List<Map<String, Object>> kept = rollup();
    assertThat(kept).as("the rollup kept statement by statement").isEqualTo(rebuilt());
  }

  private static void insert(List<Row> rows) {
    if (rows.isEmpty()) {
      return;
    }
    StringJoiner values = new StringJoiner(", ");
    for (int i = 0; i < rows.size(); i++) {
      Row r = rows.get(i);
      LocalDate on = START.plusDays(r.day());
      boolean answered = r.status().equals("ANSWERED");
      values.add(
          "(%d, '%s', %d, %d, %d, '%s', DATE '%s', %s, %s, %s, now())"
              .formatted(
                  i + 1,
                  TIMEPOINTS[r.tp()],
                  i + 1,
                  i + 1,
                  TIMEPOINT_DAYS[r.tp()],
                  r.status(),
                  due(on.plusDays(TIMEPOINT_DAYS[r.tp()]), r.dueShift()),
                  answered ? "DATE '" + on.plusDays(TIMEPOINT_DAYS[r.tp()]) + "'" : "NULL",
                  answered && r.nrs() != null ? r.nrs() : "NULL",
                  r.known() ? grouping(r, on) : "NULL, NULL, NULL, NULL, NULL, NULL"));
    }
    jdbc.sql(
            "INSERT INTO outcome_measure (procedure_id, timepoint, follow_up_id, patient_id,"
                + " timepoint_days, status, due_on, answered_on, nrs, procedure_type, level_set,"
                + " operator_user_id, diagnosis_code, performed_on, baseline_nrs, updated_at)"
                + " VALUES "
                + values)
        .update();
    // what the episodes that have not arrived yet will bring (see "episode")
    jdbc.sql("DROP TABLE IF EXISTS pending_episode").update();
    jdbc.sql(
            "CREATE TABLE pending_episode (procedure_id bigint, procedure_type text, level_set"
                + " text, operator_user_id bigint, diagnosis_code text, performed_on date,"
                + " baseline_nrs numeric)")
        .update();
    StringJoiner pending = new StringJoiner(", ");
    for (int i = 0; i < rows.size(); i++) {
      Row r = rows.get(i);
      if (!r.known()) {
        pending.add("(%d, %s)".formatted(i + 1, grouping(r, START.plusDays(r.day()))));
      }
    }
    if (pending.length() > 0) {
      jdbc.sql("INSERT INTO pending_episode VALUES " + pending).update();
    }
  }

  private static LocalDate due(LocalDate planned, int shift) {
    return switch (shift) {
      case FIRST_OF_MONTH -> planned.withDayOfMonth(1);
      case LAST_OF_MONTH -> planned.withDayOfMonth(planned.lengthOfMonth());
      default -> planned.plusDays(shift);
    };
  }

  private static String grouping(Row r, LocalDate on) {
    String dx = DIAGNOSES[r.dx()];
    return "'%s', '%s', %d, %s, DATE '%s', %d"
        .formatted(
            TYPES[r.type()],
            LEVELS[r.type()][r.level() % LEVELS[r.type()].length],
            r.operator(),
            dx == null ? "NULL" : "'" + dx + "'",
            on,
            r.baseline());
  }

  /** The statements the listeners (and a hand correction) make, on many rows at once. */
  private static void apply(Change c) {
    String some = " WHERE procedure_id % " + c.modulus() + " = " + c.rest();
    String sql =
        switch (c.kind()) {
          case "answer" ->
              "UPDATE outcome_measure SET status = 'ANSWERED', answered_on = due_on, nrs = "
                  + c.value()
                  + some
                  + " AND status <> 'ANSWERED'";
          case "rescore" ->
              "UPDATE outcome_measure SET nrs = CASE WHEN nrs IS NULL THEN "
                  + c.value()
                  + " WHEN nrs > 0 THEN nrs - 1 END"
                  + some
                  + " AND status = 'ANSWERED'";
          case "miss" ->
              "UPDATE outcome_measure SET status = 'MISSED'" + some + " AND status = 'DUE'";
          case "reschedule" ->
              "UPDATE outcome_measure SET due_on = "
                  + (c.value() == 0 ? "NULL" : "due_on + " + (c.value() - 5))
                  + some;
          case "episode" ->
              "UPDATE outcome_measure m SET procedure_type = e.procedure_type, level_set ="
                  + " e.level_set, operator_user_id = e.operator_user_id, diagnosis_code ="
                  + " e.diagnosis_code, performed_on = e.performed_on, baseline_nrs ="
                  + " e.baseline_nrs FROM pending_episode e WHERE e.procedure_id = m.procedure_id"
                  + " AND m.performed_on IS NULL AND m.procedure_id % "
                  + c.modulus()
                  + " = "
                  + c.rest();
          case "baseline" ->
              "UPDATE outcome_measure SET baseline_nrs = "
                  + c.value()
                  + some
                  + " AND baseline_nrs IS NOT NULL";
          case "delete" -> "DELETE FROM outcome_measure" + some + " AND procedure_id % 3 = 0";
          default ->
              "INSERT INTO outcome_measure (procedure_id, timepoint, follow_up_id, patient_id,"
                  + " timepoint_days, status, due_on, answered_on, nrs, procedure_type,"
                  + " level_set, operator_user_id, diagnosis_code, performed_on, baseline_nrs,"
                  + " updated_at) SELECT procedure_id, timepoint, follow_up_id, patient_id,"
                  + " timepoint_days, 'ANSWERED', NULL, due_on, "
                  + c.value()
                  + ", procedure_type, level_set, operator_user_id, diagnosis_code,"
                  + " performed_on, baseline_nrs, now() FROM outcome_measure"
                  + some
                  + " ON CONFLICT (procedure_id, timepoint) DO UPDATE SET status = 'ANSWERED',"
                  + " answered_on = EXCLUDED.answered_on, nrs = EXCLUDED.nrs";
        };
    jdbc.sql(sql).update();
  }

  private static final String ROLLUP_ROWS =
      "timepoint, dimension, month, procedure_type, due_month, level_set, operator_user_id,"
          + " diagnosis_code, due, answered, r30, r50";

  private static List<Map<String, Object>> rollup() {
    return jdbc.sql(
            "SELECT "
                + ROLLUP_ROWS
                + " FROM outcome_rollup WHERE due <> 0 OR answered <> 0 OR r30 <> 0 OR r50 <> 0"
                + " ORDER BY 1, 2, 3, 4, 5, 6, 7, 8")
        .query()
        .listOfRows();
  }

  private static List<Map<String, Object>> rebuilt() {
    jdbc.sql("SELECT outcome_rollup_rebuild()").query(Long.class).single();
    return rollup();
  }

  // The direct aggregation of outcome_measure, as AnalyticsRepository read it before the rollup.

  private static final String COUNTS =
      " count(*) AS due, count(responder30) AS answered,"
          + " count(*) FILTER (WHERE responder30) AS r30,"
          + " count(*) FILTER (WHERE responder50) AS r50";
  private static final String DUE = " AND (status <> 'DUE' OR due_on <= :cutoff)";

  private static Tally tally(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new Tally(
        rs.getLong("due"), rs.getLong("answered"), rs.getLong("r30"), rs.getLong("r50"));
  }

  private static List<Group> directGrouped(
      String tp, LocalDate from, LocalDate to, String type, LocalDate cutoff) {
    return jdbc.sql(
            "SELECT GROUPING(procedure_type, level_set, operator_user_id, diagnosis_code) AS g,"
                + " procedure_type, level_set, operator_user_id, diagnosis_code,"
                + COUNTS
                + " FROM outcome_measure WHERE timepoint = :tp AND performed_on BETWEEN :from"
                + " AND :to AND (CAST(:type AS text) IS NULL OR procedure_type = :type)"
                + DUE
                + " GROUP BY GROUPING SETS ((), (procedure_type), (procedure_type, level_set),"
                + " (operator_user_id), (diagnosis_code))")
        .param("tp", tp)
        .param("from", Date.valueOf(from))
        .param("to", Date.valueOf(to))
        .param("type", type)
        .param("cutoff", Date.valueOf(cutoff))
        .query(
            (rs, n) ->
                switch (rs.getInt("g")) {
                  case 15 -> new Group(Grouping.ALL, null, null, tally(rs));
                  case 7 ->
                      new Group(
                          Grouping.PROCEDURE, rs.getString("procedure_type"), null, tally(rs));
                  case 3 ->
                      new Group(
                          Grouping.LEVEL,
                          rs.getString("procedure_type"),
                          rs.getString("level_set"),
                          tally(rs));
                  case 13 ->
                      new Group(
                          Grouping.PHYSICIAN,
                          null,
                          Long.toString(rs.getLong("operator_user_id")),
                          tally(rs));
                  default ->
                      new Group(
                          Grouping.DIAGNOSIS, null, rs.getString("diagnosis_code"), tally(rs));
                })
        .list();
  }

  private static Map<String, Tally> directByTimepoint(
      LocalDate from, LocalDate to, String type, LocalDate cutoff) {
    Map<String, Tally> result = new java.util.LinkedHashMap<>();
    jdbc.sql(
            "SELECT timepoint,"
                + COUNTS
                + " FROM outcome_measure WHERE timepoint IN (:tps) AND performed_on BETWEEN"
                + " :from AND :to AND (CAST(:type AS text) IS NULL OR procedure_type = :type)"
                + DUE
                + " GROUP BY timepoint")
        .param("tps", List.of(TIMEPOINTS))
        .param("from", Date.valueOf(from))
        .param("to", Date.valueOf(to))
        .param("type", type)
        .param("cutoff", Date.valueOf(cutoff))
        .query((rs, n) -> Map.entry(rs.getString("timepoint"), tally(rs)))
        .list()
        .forEach(e -> result.put(e.getKey(), e.getValue()));
    return result;
  }

  private static Tally directResponders(
      String type, String tp, LocalDate from, LocalDate to, LocalDate cutoff) {
    List<String> conditions = new ArrayList<>();
    if (from != null) {
      conditions.add(" AND performed_on >= DATE '" + from + "'");
    }
    if (to != null) {
      conditions.add(" AND performed_on <= DATE '" + to + "'");
    }
    return jdbc.sql(
            "SELECT"
                + COUNTS
                + " FROM outcome_measure WHERE procedure_type = :type AND timepoint = :tp"
                + String.join("", conditions)
                + " AND performed_on IS NOT NULL"
                + DUE)
        .param("type", type)
        .param("tp", tp)
        .param("cutoff", Date.valueOf(cutoff))
        .query((rs, n) -> tally(rs))
        .single();
  }
}
