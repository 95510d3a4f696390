package org.relief.platform.database;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where Relief's data lives. With {@code url} set (from {@code RELIEF_DATABASE_URL}) Relief uses
 * that PostgreSQL and starts no embedded server; otherwise it runs PostgreSQL 17 itself with its
 * data in {@code embedded.directory}.
 */
@ConfigurationProperties("relief.database")
public record DatabaseSettings(
    String url, String username, String password, @DefaultValue Embedded embedded) {

  public record Embedded(@DefaultValue("./data") String directory) {}

  public boolean external() {
    return url != null && !url.isBlank();
  }
}
