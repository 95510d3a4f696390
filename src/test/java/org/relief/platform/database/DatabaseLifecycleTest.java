package org.relief.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.relief.ReliefApplication;
import org.relief.identity.UserAccounts;
import org.relief.platform.Role;
import org.relief.support.TestFolders;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the whole application against real PostgreSQL servers, as an operator would. */
class DatabaseLifecycleTest {

  private final Path folder = TestFolders.newFolder();

  /** Starts the application; settings are given as command-line arguments, which win. */
  private static ConfigurableApplicationContext start(String... settings) {
    String[] args = new String[settings.length + 1];
    args[0] = "--server.port=0";
    for (int i = 0; i < settings.length; i++) {
      args[i + 1] = "--" + settings[i];
    }
    return new SpringApplicationBuilder(ReliefApplication.class).profiles("test").run(args);
  }

  @Test
  void embeddedDatabaseKeepsItsDataAcrossRestarts() {
    String dir = "relief.database.embedded.directory=" + folder.resolve("data");
    try (var first = start(dir)) {
      first
          .getBean(UserAccounts.class)
          .create(
              new UserAccounts.NewUser(
                  "kept.nurse", "Kept Nurse", "a-long-enough-pass", Set.of(Role.NURSE)));
    }
    assertThat(folder.resolve("data/pgdata/PG_VERSION")).exists();
    try (var second = start(dir)) {
      var accounts = second.getBean(UserAccounts.class);
      assertThat(accounts.findByUsername("kept.nurse")).isPresent();
      assertThat(accounts.count()).isEqualTo(2);
    }
  }

  @Test
  void externalDatabaseUrlIsUsedAndNoEmbeddedServerStarts() throws Exception {
    Path unused = folder.resolve("must-not-exist");
    try (EmbeddedPostgres external = EmbeddedPostgres.start(folder.resolve("external"))) {
      try (var app =
          start(
              "relief.database.url=" + external.jdbcUrl(),
              "relief.database.username=" + external.username(),
              "relief.database.password=" + external.password(),
              "relief.database.embedded.directory=" + unused)) {
        assertThat(app.getBeansOfType(EmbeddedPostgres.class)).isEmpty();
        DataSource ds = app.getBean(DataSource.class);
        assertThat(((HikariDataSource) ds).getJdbcUrl()).isEqualTo(external.jdbcUrl());
        assertThat(Files.exists(unused)).isFalse();
      }
      try (var c =
              DriverManager.getConnection(
                  external.jdbcUrl(), external.username(), external.password());
          var rs =
              c.createStatement()
                  .executeQuery(
                      "SELECT count(*) FROM flyway_schema_history WHERE success"
                          + " AND script LIKE '%audit%'")) {
        rs.next();
        assertThat(rs.getInt(1)).isEqualTo(1);
      }
    }
  }
}
