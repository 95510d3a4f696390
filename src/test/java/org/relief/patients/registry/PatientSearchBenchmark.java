package org.relief.patients.registry;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.relief.patients.PatientSearch;
import org.relief.platform.database.EmbeddedPostgres;
import org.relief.support.TestFolders;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Patient search at 100,000 synthetic patients: the registry's own queries, timed with the indexes
 * and, as the anchor in the same run, with index scans switched off. Not part of {@code verify}:
 * run with {@code ./mvnw -Pbench test -Dtest=PatientSearchBenchmark}. Prints a table and writes it
 * to {@code target/bench/patient-search.md}.
 */
@Tag("benchmark")
class PatientSearchBenchmark {

  private static final int PATIENTS = Integer.getInteger("bench.patients", 100_000);
  private static final int WARMUP = 200;
  private static final int MEASURED = 1_000;
  private static final String[] FAMILY = {
    "Abara",
    "Bellweather",
    "Castellano",
    "Dunmore",
    "Eriksen",
    "Fairbanks",
    "Galloway",
    "Haverford",
    "Ingleby",
    "Jovanovic",
    "Kettering",
    "Lindahl",
    "Marchetti",
    "Nakashima",
    "Oyelaran",
    "Pemberton",
    "Quintero",
    "Rasmussen",
    "Szabo",
    "Thackeray",
    "Umarov",
    "Vasquez",
    "Whitcombe",
    "Xiong",
    "Yardley",
    "Zielinski",
    "Achterberg",
    "Brennan",
    "Czerny",
    "Delacroix"
  };
  private static final String[] GIVEN = {
    "Ada", "Beatriz", "Chiara", "Delphine", "Esme", "Farah", "Greta", "Hana", "Imani", "Juno",
    "Anders", "Bastian", "Cyrus", "Dario", "Emeka", "Felix", "Gideon", "Hugo", "Idris", "Jasper"
  };

  @Test
  void searchAtOneHundredThousandPatients() throws Exception {
    Path folder = TestFolders.newFolder();
    try (EmbeddedPostgres pg = EmbeddedPostgres.start(folder.resolve("data"));
        HikariDataSource indexed = dataSource(pg, null);
        HikariDataSource anchor =
            dataSource(pg, "SET enable_indexscan = off; SET enable_bitmapscan = off")) {
      Flyway.configure().dataSource(indexed).locations("classpath:db/migration").load().migrate();
      long loadStart = System.nanoTime();
      load(indexed, PATIENTS);
      double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
      try (Connection c = indexed.getConnection()) {
        c.createStatement().execute("VACUUM ANALYZE patient");
      }

      var fast = new PatientRepository(JdbcClient.create(indexed));
      var slow = new PatientRepository(JdbcClient.create(anchor));
      Random random = new Random(7);
      List<String[]> rows = new ArrayList<>();
      record Case(String name, Supplier<String> query) {}
      List<Case> cases =
          List.of(
              new Case(
                  "name, one part (4 letters)",
                  () -> FAMILY[random.nextInt(FAMILY.length)].substring(0, 4)),
              new Case(
                  "name, family + given",
                  () ->
                      FAMILY[random.nextInt(FAMILY.length)].toLowerCase(Locale.ROOT)
                          + " "
                          + GIVEN[random.nextInt(GIVEN.length)].substring(0, 3)),
              new Case("MRN", () -> "B%07d".formatted(1 + random.nextInt(PATIENTS))),
              new Case(
                  "birth date",
                  () -> LocalDate.of(1930, 1, 1).plusDays(random.nextInt(80 * 365)).toString()));
      for (Case c : cases) {
        double[] withIndex = time(fast, c.query());
        double[] withoutIndex = time(slow, c.query());
        rows.add(
            new String[] {
              c.name(),
              ms(withIndex[0]),
              ms(withIndex[1]),
              ms(withIndex[2]),
              ms(withoutIndex[0]),
              ms(withoutIndex[1]),
              "%.0f×".formatted(withoutIndex[0] / withIndex[0])
            });
      }
      String report = report(rows, loadSeconds, plans(indexed));
      System.out.println(report);
      Files.createDirectories(Path.of("target", "bench"));
      Files.writeString(Path.of("target", "bench", "patient-search.md"), report);
    }
  }

  private static HikariDataSource dataSource(EmbeddedPostgres pg, String init) {
    HikariDataSource ds = new HikariDataSource();
    ds.setJdbcUrl(pg.jdbcUrl() + "?reWriteBatchedInserts=true");
    ds.setUsername(pg.username());
    ds.setPassword(pg.password());
    ds.setMaximumPoolSize(2);
    if (init != null) {
      ds.setConnectionInitSql(init);
    }
    return ds;
  }

  private static void load(HikariDataSource ds, int count) throws SQLException {
    Random random = new Random(42);
    Timestamp now = Timestamp.from(Instant.parse("2026-11-24T00:00:00Z"));
    try (Connection c = ds.getConnection();
        PreparedStatement insert =
            c.prepareStatement(
                "INSERT INTO patient (mrn, family_name, given_name, birth_date, sex,"
                    + " preferred_language, synthetic, created_at, updated_at)"
                    + " VALUES (?, ?, ?, ?, ?, 'en', true, ?, ?)")) {
      c.setAutoCommit(false);
      for (int i = 1; i <= count; i++) {
        insert.setString(1, "B%07d".formatted(i));
        insert.setString(2, FAMILY[random.nextInt(FAMILY.length)] + suffix(random));
        insert.setString(3, GIVEN[random.nextInt(GIVEN.length)]);
        insert.setDate(
            4, Date.valueOf(LocalDate.of(1930, 1, 1).plusDays(random.nextInt(80 * 365))));
        insert.setString(5, random.nextBoolean() ? "FEMALE" : "MALE");
        insert.setTimestamp(6, now);
        insert.setTimestamp(7, now);
        insert.addBatch();
        if (i % 5_000 == 0) {
          insert.executeBatch();
        }
      }
      insert.executeBatch();
      c.commit();
    }
  }

  /** Varies family names so that 100,000 patients do not share 30 names. */
  private static String suffix(Random random) {
    int n = random.nextInt(400);
    return n < 100 ? "" : "-" + (char) ('a' + n % 26) + (char) ('a' + (n / 26) % 26) + "son";
  }

  /** p50, p95, p99 in nanoseconds of the registry's search for queries from the supplier. */
  private static double[] time(PatientRepository repository, Supplier<String> query) {
    for (int i = 0; i < WARMUP; i++) {
      repository.search(PatientSearch.of(query.get()), 50);
    }
    long[] samples = new long[MEASURED];
    for (int i = 0; i < MEASURED; i++) {
      PatientSearch search = PatientSearch.of(query.get());
      long start = System.nanoTime();
      repository.search(search, 50);
      samples[i] = System.nanoTime() - start;
    }
    Arrays.sort(samples);
    return new double[] {
      samples[MEASURED / 2], samples[MEASURED * 95 / 100], samples[MEASURED * 99 / 100]
    };
  }

  private static String plans(HikariDataSource ds) throws SQLException {
    StringBuilder out = new StringBuilder();
    String[] queries = {
      "WITH m AS MATERIALIZED (SELECT id, family_name, given_name FROM patient"
          + " WHERE search_name LIKE '%kett%') SELECT id FROM m ORDER BY family_name, given_name,"
          + " id LIMIT 50",
      "SELECT id FROM patient WHERE upper(mrn) = 'B0054321'",
      "SELECT id FROM patient WHERE birth_date = DATE '1961-04-23' ORDER BY family_name,"
          + " given_name, id LIMIT 50"
    };
    try (Connection c = ds.getConnection()) {
      for (String q : queries) {
        var rs = c.createStatement().executeQuery("EXPLAIN (ANALYZE, COSTS OFF) " + q);
        out.append("\n    ").append(q).append('\n');
        while (rs.next()) {
          out.append("      ").append(rs.getString(1)).append('\n');
        }
      }
    }
    return out.toString();
  }

  private static String ms(double nanos) {
    return "%.2f".formatted(nanos / 1e6);
  }

  private static String report(List<String[]> rows, double loadSeconds, String plans)
      throws IOException {
    StringBuilder out = new StringBuilder();
    out.append("## Patient search at ").append(PATIENTS).append(" patients\n\n");
    out.append(
        "Machine: %d cores, Java %s, embedded PostgreSQL 17.5. Loaded in %.1f s (batched inserts)."
            .formatted(
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"),
                loadSeconds));
    out.append(
        " Each query: %d warm-up, %d measured, through PatientRepository.search (limit 50).\n\n"
            .formatted(WARMUP, MEASURED));
    out.append(
        "| search | p50 ms | p95 ms | p99 ms | anchor p50 ms (no index scans) | anchor p95 ms |"
            + " speed-up at p50 |\n|---|---|---|---|---|---|---|\n");
    for (String[] r : rows) {
      out.append("| ").append(String.join(" | ", r)).append(" |\n");
    }
    out.append("\nQuery plans (with indexes):\n").append(plans);
    return out.toString();
  }
}
