package org.relief.outcomes.analytics;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.relief.platform.database.EmbeddedPostgres;
import org.relief.support.TestFolders;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The outcome analytics at 1,000,000 procedure episodes and 5,000,000 follow-ups (five time points
 * each), loaded with COPY (the rollup triggers off) and the monthly rollup of closed follow-ups
 * built after with one INSERT … SELECT ({@code outcome_rollup_rebuild()}, timed apart): the queries
 * of the analytics page and of the responders API, through {@link AnalyticsRepository}, timed as
 * median and p95. Not part of {@code verify}: run with {@code ./mvnw -Pbench test
 * -Dtest=OutcomeAnalyticsBenchmark}. Prints a table and writes it to {@code
 * target/bench/outcome-analytics.md}.
 */
@Tag("benchmark")
class OutcomeAnalyticsBenchmark {

  private static final int EPISODES = Integer.getInteger("bench.episodes", 1_000_000);
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);
  private static final LocalDate FIRST = TODAY.minusYears(5);
  private static final String[] TYPES = {
    "lumbar-rfa",
    "cervical-rfa",
    "lumbar-tfesi",
    "cervical-tfesi",
    "lumbar-ilesi",
    "cervical-ilesi",
    "caudal-esi",
    "genicular-rfa",
    "si-joint-injection",
    "trigger-point-injection"
  };
  private static final String[][] LEVELS = {
    {"L3–L4", "L4–L5", "L5–S1", "L4–L5, L5–S1"},
    {"C4–C5", "C5–C6", "C6–C7", "C5–C6, C6–C7"},
    {"L4–L5", "L5–S1", "L4–L5, L5–S1"},
    {"C5–C6", "C6–C7"},
    {"L4–L5", "L5–S1"},
    {"C6–C7", "C7–T1"},
    {"sacral hiatus"},
    {""},
    {""},
    {""}
  };
  private static final String[] TIMEPOINTS = {"P14D", "P42D", "P3M", "P6M", "P1Y"};
  private static final int[] TIMEPOINT_DAYS = {14, 42, 90, 180, 365};
  private static final int PHYSICIANS = 30;
  private static final int DIAGNOSES = 40;

  @Test
  void analyticsAtAMillionEpisodes() throws Exception {
    Path folder = TestFolders.newFolder();
    try (EmbeddedPostgres pg = EmbeddedPostgres.start(folder.resolve("data"));
        HikariDataSource ds = dataSource(pg)) {
      Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
      long start = System.nanoTime();
      load(ds);
      double loadSeconds = (System.nanoTime() - start) / 1e9;
      start = System.nanoTime();
      long rollupRows;
      try (Connection c = ds.getConnection();
          Statement s = c.createStatement()) {
        ResultSet rs = s.executeQuery("SELECT outcome_rollup_rebuild()");
        rs.next();
        rollupRows = rs.getLong(1);
        s.execute("VACUUM ANALYZE outcome_rollup");
      }
      double rollupSeconds = (System.nanoTime() - start) / 1e9;

      AnalyticsRepository repository = new AnalyticsRepository(JdbcClient.create(ds));
      LocalDate cutoff = TODAY.minusDays(7);
      List<String[]> rows = new ArrayList<>();
      String[] points = repository.timepoints().toArray(String[]::new);
      Random random = new Random(11);

      rows.add(
          time(
              "analytics page, last 2 years, P3M, all procedures",
              10,
              3,
              () -> page(repository, TODAY.minusYears(2), TODAY, "P3M", null, cutoff)));
      LocalDate twoYears = TODAY.minusYears(2);
      rows.add(time("· part: time points (skip scan)", 10, 3, () -> repository.timepoints()));
      rows.add(
          time(
              "· part: grouped report",
              10,
              3,
              () -> repository.grouped("P3M", twoYears, TODAY, null, cutoff)));
      rows.add(
          time(
              "· part: chart, every time point",
              10,
              3,
              () -> repository.byTimepoint(List.of(points), twoYears, TODAY, null, cutoff)));
      // The anchor, on the same data in the same run: the grouped report as it was computed
      // before decision 0060, straight from outcome_measure (the query of the earlier section).
      JdbcClient direct = JdbcClient.create(ds);
      rows.add(
          time(
              "· anchor: grouped report straight from outcome_measure (before 0060)",
              10,
              3,
              () ->
                  direct
                      .sql(
                          "SELECT GROUPING(procedure_type, level_set, operator_user_id,"
                              + " diagnosis_code) AS g, procedure_type, level_set,"
                              + " operator_user_id, diagnosis_code, count(*) AS due,"
                              + " count(responder30) AS answered,"
                              + " count(*) FILTER (WHERE responder30) AS r30,"
                              + " count(*) FILTER (WHERE responder50) AS r50"
                              + " FROM outcome_measure WHERE timepoint = 'P3M'"
                              + " AND performed_on BETWEEN :from AND :to"
                              + " AND (status <> 'DUE' OR due_on <= :cutoff)"
                              + " GROUP BY GROUPING SETS ((), (procedure_type),"
                              + " (procedure_type, level_set), (operator_user_id),"
                              + " (diagnosis_code))")
                      .param("from", twoYears)
                      .param("to", TODAY)
                      .param("cutoff", cutoff)
                      .query()
                      .listOfRows()));
      List<String> codes = new ArrayList<>();
      for (int d = 0; d < DIAGNOSES; d++) {
        codes.add("M54.%02d".formatted(d));
      }
      rows.add(
          time(
              "· part: diagnosis labels (%d codes)".formatted(DIAGNOSES),
              10,
              3,
              () -> repository.diagnosisDescriptions(codes)));
      rows.add(
          time(
              "analytics page, last 2 years, P3M, one procedure",
              10,
              3,
              () ->
                  page(
                      repository,
                      TODAY.minusYears(2),
                      TODAY,
                      "P3M",
                      TYPES[random.nextInt(TYPES.length)],
                      cutoff)));
      rows.add(
          time(
              "analytics page, all 5 years, P6M, all procedures",
              10,
              3,
              () -> page(repository, FIRST, TODAY, "P6M", null, cutoff)));
      rows.add(
          time(
              "API responders, one procedure, one time point, all time",
              100,
              20,
              () ->
                  repository.responders(
                      TYPES[random.nextInt(TYPES.length)],
                      points[random.nextInt(points.length)],
                      null,
                      null,
                      cutoff)));
      rows.add(
          time(
              "API responders, one procedure, one time point, one year",
              100,
              20,
              () ->
                  repository.responders(
                      TYPES[random.nextInt(TYPES.length)],
                      "P3M",
                      TODAY.minusYears(2),
                      TODAY.minusYears(1),
                      cutoff)));

      String report =
          report(
              rows,
              loadSeconds,
              rollupSeconds,
              rollupRows,
              sizes(ds),
              plans(JdbcClient.create(ds), List.of(points), cutoff));
      System.out.println(report);
      Files.createDirectories(Path.of("target", "bench"));
      Files.writeString(Path.of("target", "bench", "outcome-analytics.md"), report);
    }
  }

  /** What the page asks: the grouped report, the chart by time point, the labels. */
  private static Object page(
      AnalyticsRepository r,
      LocalDate from,
      LocalDate to,
      String tp,
      String type,
      LocalDate cutoff) {
    List<String> points = r.timepoints();
    var groups = r.grouped(tp, from, to, type, cutoff);
    var chart = r.byTimepoint(points, from, to, type, cutoff);
    var codes =
        groups.stream()
            .filter(g -> g.grouping() == AnalyticsRepository.Grouping.DIAGNOSIS && g.key() != null)
            .map(AnalyticsRepository.Group::key)
            .toList();
    return List.of(groups, chart, r.diagnosisDescriptions(codes));
  }

  private static HikariDataSource dataSource(EmbeddedPostgres pg) {
    HikariDataSource ds = new HikariDataSource();
    ds.setJdbcUrl(pg.jdbcUrl());
    ds.setUsername(pg.username());
    ds.setPassword(pg.password());
    ds.setMaximumPoolSize(2);
    return ds;
  }

  /**
   * Episodes spread over five years; five follow-ups each: those due after {@code TODAY} are still
   * on the schedule, the others answered (75 %), missed (15 %) or overdue (10 %).
   */
  private static void load(HikariDataSource ds) throws SQLException, IOException {
    try (Connection c = ds.getConnection()) {
      List<String> indexes = new ArrayList<>();
      try (Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'outcome_measure'"
                      + " AND indexname <> 'outcome_measure_pkey'")) {
        while (rs.next()) {
          indexes.add(rs.getString(2));
          c.createStatement().execute("DROP INDEX " + rs.getString(1));
        }
      }
      // The rollup is built after the load in one statement (outcome_rollup_rebuild).
      c.createStatement().execute("ALTER TABLE outcome_measure DISABLE TRIGGER USER");
      var copy = c.unwrap(PGConnection.class).getCopyAPI();
      copy.copyIn(
          "COPY outcome_episode (procedure_id, patient_id, procedure_type, levels, level_set,"
              + " laterality, operator_user_id, diagnosis_code, diagnosis_description,"
              + " performed_on, baseline_nrs, synthetic, recorded_at) FROM STDIN",
          new Lines(EPISODES, OutcomeAnalyticsBenchmark::episodeLine));
      copy.copyIn(
          "COPY outcome_measure (procedure_id, timepoint, follow_up_id, patient_id,"
              + " timepoint_days, status, due_on, answered_on, nrs, procedure_type, level_set,"
              + " operator_user_id, diagnosis_code, performed_on, baseline_nrs, updated_at)"
              + " FROM STDIN",
          new Lines(EPISODES * TIMEPOINTS.length, OutcomeAnalyticsBenchmark::measureLine));
      StringBuilder dx = new StringBuilder();
      for (int d = 0; d < DIAGNOSES; d++) {
        dx.append(d == 0 ? "" : ",")
            .append("('M54.%02d', 'Synthetic diagnosis %d')".formatted(d, d));
      }
      c.createStatement().execute("INSERT INTO outcome_diagnosis VALUES " + dx);
      for (String index : indexes) {
        c.createStatement().execute(index);
      }
      c.createStatement().execute("ALTER TABLE outcome_measure ENABLE TRIGGER USER");
      c.createStatement().execute("VACUUM ANALYZE outcome_episode");
      c.createStatement().execute("VACUUM ANALYZE outcome_measure");
    }
  }

  private static Random seeded(long episode) {
    return new Random(episode * 7919L + 17);
  }

  private static String episodeLine(long i) {
    long id = i + 1;
    Random r = seeded(id);
    int type = r.nextInt(TYPES.length);
    String levels = LEVELS[type][r.nextInt(LEVELS[type].length)];
    LocalDate on = FIRST.plusDays(r.nextInt(5 * 365));
    int dx = r.nextInt(DIAGNOSES + 10);
    String array =
        levels.isEmpty() ? "{}" : "{" + String.join(",", quote(levels.split(", "))) + "}";
    return String.join(
        "\t",
        Long.toString(id),
        Long.toString(1 + r.nextInt(300_000)),
        TYPES[type],
        array,
        levels,
        "right",
        Integer.toString(1 + r.nextInt(PHYSICIANS)),
        dx < DIAGNOSES ? "M54.%02d".formatted(dx) : "\\N",
        dx < DIAGNOSES ? "Synthetic diagnosis " + dx : "\\N",
        on.toString(),
        Integer.toString(3 + r.nextInt(8)),
        "t",
        "2026-11-24 00:00:00+00");
  }

  private static String measureLine(long j) {
    long episode = j / TIMEPOINTS.length + 1;
    int t = (int) (j % TIMEPOINTS.length);
    Random r = seeded(episode);
    int type = r.nextInt(TYPES.length);
    String levels = LEVELS[type][r.nextInt(LEVELS[type].length)];
    LocalDate on = FIRST.plusDays(r.nextInt(5 * 365));
    int dx = r.nextInt(DIAGNOSES + 10);
    long patient = 1 + r.nextInt(300_000);
    int physician = 1 + r.nextInt(PHYSICIANS);
    int baseline = 3 + r.nextInt(8);
    LocalDate due = on.plusDays(TIMEPOINT_DAYS[t]);
    Random m = new Random(j * 31 + 5);
    String status;
    String answered = "\\N";
    String nrs = "\\N";
    if (due.isAfter(TODAY)) {
      status = "DUE";
    } else {
      int roll = m.nextInt(100);
      if (roll < 75) {
        status = "ANSWERED";
        answered = due.plusDays(m.nextInt(4)).toString();
        nrs =
            Integer.toString(Math.max(0, Math.min(10, baseline - m.nextInt(baseline + 1) + t / 2)));
      } else {
        status = roll < 90 ? "MISSED" : "DUE";
      }
    }
    return String.join(
        "\t",
        Long.toString(episode),
        TIMEPOINTS[t],
        Long.toString(j + 1),
        Long.toString(patient),
        Integer.toString(TIMEPOINT_DAYS[t]),
        status,
        due.toString(),
        answered,
        nrs,
        TYPES[type],
        levels,
        Integer.toString(physician),
        dx < DIAGNOSES ? "M54.%02d".formatted(dx) : "\\N",
        on.toString(),
        Integer.toString(baseline),
        "2026-11-24 00:00:00+00");
  }

  private static String[] quote(String[] values) {
    return Arrays.stream(values).map(v -> "\"" + v + "\"").toArray(String[]::new);
  }

  /** Generates COPY text lines on demand, so that 5 million rows never sit in memory. */
  private static final class Lines extends Reader {
    private final long count;
    private final java.util.function.LongFunction<String> line;
    private long next;
    private String buffer = "";
    private int position;

    Lines(long count, java.util.function.LongFunction<String> line) {
      this.count = count;
      this.line = line;
    }

    @Override
    public int read(char[] target, int offset, int length) {
      if (position >= buffer.length()) {
        if (next >= count) {
          return -1;
        }
        StringBuilder chunk = new StringBuilder(64 * 1024);
        while (next < count && chunk.length() < 60 * 1024) {
          chunk.append(line.apply(next++)).append('\n');
        }
        buffer = chunk.toString();
        position = 0;
      }
      int n = Math.min(length, buffer.length() - position);
      buffer.getChars(position, position + n, target, offset);
      position += n;
      return n;
    }

    @Override
    public void close() {}
  }

  private interface Query {
    Object run() throws Exception;
  }

  private static String[] time(String name, int measured, int warmup, Query query)
      throws Exception {
    for (int i = 0; i < warmup; i++) {
      query.run();
    }
    long[] samples = new long[measured];
    for (int i = 0; i < measured; i++) {
      long start = System.nanoTime();
      query.run();
      samples[i] = System.nanoTime() - start;
    }
    Arrays.sort(samples);
    return new String[] {
      name,
      Integer.toString(measured),
      ms(samples[measured / 2]),
      ms(samples[Math.min(measured - 1, (int) Math.ceil(measured * 0.95) - 1)]),
      ms(samples[measured - 1])
    };
  }

  private static String sizes(HikariDataSource ds) throws SQLException {
    try (Connection c = ds.getConnection();
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "SELECT (SELECT count(*) FROM outcome_episode),"
                        + " (SELECT count(*) FROM outcome_measure),"
                        + " (SELECT count(*) FROM outcome_measure WHERE status = 'ANSWERED'),"
                        + " pg_size_pretty(pg_total_relation_size('outcome_measure')),"
                        + " (SELECT count(*) FROM outcome_measure WHERE status = 'DUE'),"
                        + " (SELECT count(*) FROM outcome_rollup),"
                        + " pg_size_pretty(pg_total_relation_size('outcome_rollup')),"
                        + " (SELECT count(*) FROM (SELECT DISTINCT date_trunc('month',"
                        + " performed_on), timepoint, procedure_type, level_set,"
                        + " operator_user_id, diagnosis_code FROM outcome_measure WHERE status"
                        + " <> 'DUE') k)")) {
      rs.next();
      return ("%,d episodes, %,d follow-ups of which %,d answered and %,d still open (DUE);"
              + " outcome_measure with indexes %s; outcome_rollup %,d rows, %s with its index"
              + " (a rollup keyed by the cross product month × time point × type × level set ×"
              + " physician × diagnosis would have %,d rows)")
          .formatted(
              rs.getLong(1),
              rs.getLong(2),
              rs.getLong(3),
              rs.getLong(5),
              rs.getString(4),
              rs.getLong(6),
              rs.getString(7),
              rs.getLong(8));
    }
  }

  private static String plans(JdbcClient jdbc, List<String> points, LocalDate cutoff) {
    LocalDate twoYears = TODAY.minusYears(2);
    StringBuilder out = new StringBuilder();
    for (AnalyticsRepository.Statement q :
        List.of(
            AnalyticsRepository.groupedStatement("P3M", twoYears, TODAY, null, cutoff),
            AnalyticsRepository.byTimepointStatement(points, twoYears, TODAY, null, cutoff),
            AnalyticsRepository.respondersStatement("lumbar-rfa", "P3M", null, null, cutoff))) {
      out.append("\n    ").append(q.sql()).append('\n');
      out.append("    parameters: ").append(new java.util.TreeMap<>(q.params())).append('\n');
      for (String line :
          jdbc.sql("EXPLAIN (ANALYZE, COSTS OFF) " + q.sql())
              .params(q.params())
              .query(String.class)
              .list()) {
        out.append("      ").append(line).append('\n');
      }
    }
    return out.toString();
  }

  private static String ms(long nanos) {
    return "%.1f".formatted(nanos / 1e6);
  }

  private static String report(
      List<String[]> rows,
      double loadSeconds,
      double rollupSeconds,
      long rollupRows,
      String sizes,
      String plans) {
    StringBuilder out = new StringBuilder();
    out.append("## Outcome analytics at ")
        .append("%,d".formatted(EPISODES))
        .append(" episodes\n\n");
    out.append(
        "Machine: %d cores, Java %s, embedded PostgreSQL 17.5. %s. Loaded with COPY (indexes"
                .formatted(
                    Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.version"),
                    sizes)
            + " built after, then VACUUM ANALYZE) in %.0f s; the rollup (%,d rows) built after"
                .formatted(loadSeconds, rollupRows)
            + " with outcome_rollup_rebuild() in %.1f s.\n\n".formatted(rollupSeconds));
    out.append("| query | runs | p50 ms | p95 ms | max ms |\n|---|---|---|---|---|\n");
    for (String[] r : rows) {
      out.append("| ").append(String.join(" | ", r)).append(" |\n");
    }
    out.append("\nQuery plans:\n").append(plans);
    return out.toString();
  }
}
