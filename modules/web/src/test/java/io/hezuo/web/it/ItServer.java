package io.hezuo.web.it;

import java.io.File;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;

/**
 * One real Payara Micro for all integration-test classes of a build (they all run in failsafe's one
 * JVM): started on first use with the test WAR ({@link Deployments#war()}), stopped when the JVM
 * ends. Arquillian's managed Payara Micro container boots a new server for every test class (about
 * a minute each on 2 cores), which would take the suite past CI's limits as modules are added; the
 * tests are all client-side ({@code @RunAsClient}) and need nothing else of Arquillian.
 *
 * <p>The server's log goes to {@code target/payara-it.log}; a server that does not come up fails
 * the first test with the end of that log. A test that needs another server on the same database
 * (e.g. to kill it) starts one with {@link #launch}.
 */
final class ItServer {

  private static URL base;

  /** The test WAR as exported for the first server started, copied for the others. */
  private static Path exported;

  private ItServer() {}

  /** The application's base URL ({@code http://127.0.0.1:<port>/hezuo/}), starting it once. */
  static synchronized URL base() throws Exception {
    if (base == null) {
      start();
    }
    return base;
  }

  private static void start() throws Exception {
    Micro micro =
        launch(Path.of("target", "it-server"), Path.of("target", "payara-it.log"), List.of());
    micro.awaitReady(Duration.ofSeconds(300));
    base = micro.base;
  }

  /**
   * How old a formal review run's heartbeat may be before the run counts as stalled, and how often
   * the servers look for stalled runs (production: 120 s and 30 s), so that a run of a killed
   * server is resumed within a test ({@code FormalReviewKillIT}). The staleness stays well above a
   * stop and resume by hand ({@code FormalReviewRunIT}) and above the longest chunk of the tests.
   */
  static final int RUN_STALE_SECONDS = 20;

  /** How often the tests' servers read a signed-in session's account again. */
  static final int SESSION_RECHECK_SECONDS = 2;

  static final int RUN_RECOVERY_SECONDS = 5;

  /** The password as an asadmin property value ('' when empty; ':' and '=' escaped). */
  static String batchPassword(String password) {
    return password.isEmpty()
        ? "''"
        : password.replace("\\", "\\\\").replace(":", "\\:").replace("=", "\\=");
  }

  /**
   * A Payara Micro process of the test WAR on the tests' database: the command line of {@link
   * ItServer} (the same batch repository setup), in a root directory and on a port of its own.
   */
  static final class Micro {

    final Process process;
    final URL base;
    final Path log;
    private final int port;

    private Micro(Process process, int port, Path log) throws Exception {
      this.process = process;
      this.port = port;
      this.log = log;
      this.base = URI.create("http://127.0.0.1:" + port + "/hezuo/").toURL();
    }

    /**
     * Waits until the server serves the application (its health check and its login page), else
     * stops it and fails with the end of its log.
     */
    void awaitReady(Duration atMost) throws Exception {
      URL ready = URI.create("http://127.0.0.1:" + port + "/health/ready").toURL();
      URL login = URI.create("http://127.0.0.1:" + port + "/hezuo/login.xhtml").toURL();
      try {
        org.awaitility.Awaitility.await()
            .atMost(atMost)
            .pollInterval(Duration.ofMillis(500))
            .until(
                () -> {
                  if (!process.isAlive()) {
                    throw new IllegalStateException(
                        "Payara Micro ended while starting:\n" + tail(log));
                  }
                  // the health check can answer before the WAR's context serves its pages (then
                  // the first page of the build was Payara's own 404): wait for both
                  return status(ready) == 200 && status(login) == 200;
                });
      } catch (org.awaitility.core.ConditionTimeoutException e) {
        stop();
        throw new IllegalStateException(
            "Payara Micro was not ready in " + atMost.toSeconds() + " s:\n" + tail(log), e);
      }
    }

    /**
     * Kills the server as a crash would: SIGKILL ({@link Process#destroyForcibly} on Linux), no
     * shutdown of any kind. Returns its exit value (137 = 128 + SIGKILL).
     */
    int kill() throws InterruptedException {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        throw new IllegalStateException("Payara Micro " + process.pid() + " outlived SIGKILL");
      }
      return process.exitValue();
    }

    /** Stops the server (SIGTERM, then SIGKILL after 30 s), if it still runs. */
    synchronized void stop() {
      if (process.isAlive()) {
        process.destroy();
        try {
          if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          process.destroyForcibly();
        }
      }
    }
  }

  /**
   * Starts a Payara Micro with the test WAR in {@code dir} (emptied first), on a free port, its log
   * in {@code log}, with the JVM options given besides the heap; it is stopped when the tests' JVM
   * ends, whatever happens to the tests.
   */
  static Micro launch(Path dir, Path log, List<String> jvmOptions) throws Exception {
    // a root directory left by an earlier run would redeploy that run's application
    deleteTree(dir);
    Files.createDirectories(dir);
    File war = dir.resolve("hezuo.war").toFile(); // context root /hezuo, as Arquillian deployed it
    synchronized (ItServer.class) {
      if (exported == null) {
        Deployments.war().as(ZipExporter.class).exportTo(war, true);
        exported = war.toPath();
      } else {
        // the WAR exported for the first server (exporting takes half a minute on a busy machine)
        Files.copy(exported, war.toPath());
      }
    }
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx1g");
    cmd.add("-Duser.timezone=UTC");
    cmd.add("-Dsun.io.serialization.extendedDebugInfo=true");
    cmd.addAll(jvmOptions);
    cmd.add("-jar");
    cmd.add(System.getProperty("payara.microJar", "target/payara-micro.jar"));
    // one server on its own, as ./deploy/run.sh starts it: sessions in memory (deploy/cluster.sh
    // and
    // deploy/cluster-check.sh run the replicated sessions of a cluster)
    cmd.add("--nocluster");
    cmd.add("--nohazelcast");
    cmd.add("--maxhttpthreads");
    cmd.add("400");
    cmd.add("--port");
    cmd.add(String.valueOf(port));
    cmd.add("--rootdir");
    cmd.add(dir.resolve("root").toAbsolutePath().toString());
    cmd.add("--deploy");
    cmd.add(war.getAbsolutePath());
    // Jakarta Batch's job repository in the test database, as ./deploy/run.sh configures it
    // (deploy/launcher BatchRepository): a server-level pool made by a post-boot command file
    Path driver = dir.resolve("mysql-connector-j.jar");
    try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(war)) {
      java.util.zip.ZipEntry jar =
          zip.stream()
              .filter(e -> e.getName().matches("WEB-INF/lib/mysql-connector-j-.*\\.jar"))
              .findFirst()
              .orElseThrow();
      try (java.io.InputStream in = zip.getInputStream(jar)) {
        Files.copy(in, driver);
      }
    }
    String dbUrl = System.getenv("HEZUO_DB_URL");
    String schema = dbUrl.substring(dbUrl.lastIndexOf('/') + 1).split("\\?")[0];
    Path commands = dir.resolve("post-boot.asadmin");
    Files.writeString(
        commands,
        "create-jdbc-connection-pool --datasourceclassname com.mysql.cj.jdbc.MysqlDataSource"
            + " --restype javax.sql.DataSource --isolationlevel read-committed --property url="
            + dbUrl.replace(":", "\\:").replace("=", "\\=")
            + ":user="
            + System.getenv().getOrDefault("HEZUO_DB_USER", "root")
            + ":password="
            + batchPassword(System.getenv().getOrDefault("HEZUO_DB_PASSWORD", ""))
            + " hezuoBatchPool\n"
            + "create-jdbc-resource --connectionpoolid hezuoBatchPool jdbc/hezuoBatch\n"
            + "set-batch-runtime-configuration --dataSourceLookupName jdbc/hezuoBatch"
            + " --schemaName "
            + schema
            + "\n");
    cmd.add("--addlibs");
    cmd.add(driver.toAbsolutePath().toString());
    cmd.add("--postbootcommandfile");
    cmd.add(commands.toAbsolutePath().toString());
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    // the similarity index's snapshot file: this server's own
    // every session attribute is serialized after each request, as a cluster would replicate it
    pb.environment().put("HEZUO_CHECK_SESSIONS", "true");
    pb.environment().put("HEZUO_INDEX_DIR", dir.resolve("index").toAbsolutePath().toString());
    // formal review runs of a dead server are resumed within a test
    pb.environment().put("HEZUO_RUN_STALE_SECONDS", String.valueOf(RUN_STALE_SECONDS));
    pb.environment().put("HEZUO_RUN_RECOVERY_SECONDS", String.valueOf(RUN_RECOVERY_SECONDS));
    // a disabled account's open session ends within a test
    pb.environment().put("HEZUO_SESSION_RECHECK_SECONDS", String.valueOf(SESSION_RECHECK_SECONDS));
    pb.redirectOutput(log.toFile());
    Micro micro = new Micro(pb.start(), port, log);
    Runtime.getRuntime()
        .addShutdownHook(new Thread(micro::stop, "stop-payara-it-" + micro.process.pid()));
    return micro;
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  private static int status(URL url) {
    try {
      HttpURLConnection c = (HttpURLConnection) url.openConnection();
      c.setConnectTimeout(2000);
      c.setReadTimeout(5000);
      int code = c.getResponseCode();
      c.disconnect();
      return code;
    } catch (IOException e) {
      return -1;
    }
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }
}
