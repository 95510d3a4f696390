package org.relief.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.UUID;

/**
 * Folders for test databases that the unprivileged server user can reach (JUnit's own temp folders
 * are private to their owner, which PostgreSQL run as 'nobody' under root cannot enter).
 */
public final class TestFolders {

  private TestFolders() {}

  public static Path newFolder() {
    try {
      Path base = Path.of(System.getProperty("java.io.tmpdir"), "relief-test-db");
      Files.createDirectories(base);
      Path folder = Files.createDirectory(base.resolve(UUID.randomUUID().toString()));
      Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
      return folder;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
