package org.relief.platform.database;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/** The one DataSource: the external PostgreSQL when configured, else the embedded server. */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

  @Bean(destroyMethod = "close")
  @org.springframework.context.annotation.Conditional(EmbeddedDatabaseCondition.class)
  EmbeddedPostgres embeddedPostgres(DatabaseSettings settings) {
    return EmbeddedPostgres.start(java.nio.file.Path.of(settings.embedded().directory()));
  }

  @Bean
  @Primary
  DataSource dataSource(DatabaseSettings settings, java.util.Optional<EmbeddedPostgres> embedded) {
    HikariDataSource dataSource = new HikariDataSource();
    dataSource.setPoolName("relief");
    if (settings.external()) {
      dataSource.setJdbcUrl(settings.url());
      dataSource.setUsername(settings.username());
      dataSource.setPassword(settings.password());
    } else {
      EmbeddedPostgres server = embedded.orElseThrow();
      dataSource.setJdbcUrl(server.jdbcUrl());
      dataSource.setUsername(server.username());
      dataSource.setPassword(server.password());
    }
    dataSource.setMaximumPoolSize(10);
    return dataSource;
  }
}
