package io.hezuo.benchmarks;

import io.hezuo.formalreview.similarity.corpus.CorpusGenerator;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Formal review's batch run over a large round, through the database, against a running server
 * ({@code ./deploy/run.sh} with the demo data; issue 12 "Performance": 2,000 applications of
 * ~10,000 units against a 20,000-document library in ≤ 3 minutes, with the progress bar moving).
 *
 * <pre>
 * java -cp CP io.hezuo.benchmarks.FormalReviewRunBenchmark LOAD JDBC_URL [APPS] [LIBRARY] [UNITS]
 * java -cp CP io.hezuo.benchmarks.FormalReviewRunBenchmark RUN URL [CHUNK]
 * java -cp CP io.hezuo.benchmarks.FormalReviewRunBenchmark CHANGE JDBC_URL [N]
 * java -cp CP io.hezuo.benchmarks.FormalReviewRunBenchmark RESET JDBC_URL
 * java -cp CP io.hezuo.benchmarks.FormalReviewRunBenchmark FORGET JDBC_URL
 * java -cp CP io.hezuo.benchmarks.FormalReviewRunBenchmark ENDRUNS JDBC_URL
 * </pre>
 *
 * <p>LOAD writes APPS (default 2,000) RECOMMENDED applications of the 2026 call and LIBRARY
 * (default 20,000) documents of the library of earlier projects, texts of about UNITS (10,000)
 * units made by the similarity benchmarks' {@link CorpusGenerator} (realistic Chinese prose; 30 %
 * of the applications copy passages, disguised, from other applications or from the library). Each
 * application is a copy of one of the demo's four recommended A1 applications (budget, team,
 * domestic partner, attachments copied with it) with a PI of its own (a valid resident ID number)
 * and the six text sections cut from its generated text; ids {@value #FIRST_ID} and up, library
 * documents of import batch {@value #BATCH}. It first removes what an earlier LOAD wrote (RESET
 * does only that), so it can be run again. CHANGE edits the texts of N (default 20) of the loaded
 * applications, spread over the round (a sentence added to one section, a new content hash). FORGET
 * removes every stored result (fr_result), so the next run computes every application, as the first
 * run over a round does; ENDRUNS marks runs left RUNNING by a server stopped in the middle as
 * FAILED, so that the next server does not resume them.
 *
 * <p>RUN signs in as {@code demo_review}, starts a run over REST ({@code POST
 * /api/v1/formal-review/runs}), reads its progress ({@code GET …/runs/current}, what the progress
 * bar polls) every second and prints it (done/total, recomputed) with the load average, then the
 * total time from the start request to the run's DONE.
 */
public final class FormalReviewRunBenchmark {

  static final long FIRST_ID = 700_001;
  static final long LAST_ID = 799_999;
  static final String BATCH = "runbench";

  /** The demo's recommended applications (deploy/demo-data.sql) the loaded ones are copies of. */
  static final long[] TEMPLATES = {900002, 900003, 900005, 900006};

  private FormalReviewRunBenchmark() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println(
          "usage: FormalReviewRunBenchmark LOAD JDBC_URL [APPS] [LIBRARY] [UNITS]"
              + " | RUN URL [CHUNK] | CHANGE JDBC_URL [N] | RESET JDBC_URL | FORGET JDBC_URL"
              + " | ENDRUNS JDBC_URL");
      System.exit(2);
    }
    switch (args[0]) {
      case "LOAD" ->
          load(args[1], intArg(args, 2, 2_000), intArg(args, 3, 20_000), intArg(args, 4, 10_000));
      case "RESET" -> {
        try (Connection c = connect(args[1])) {
          reset(c);
        }
      }
      case "FORGET" -> {
        try (Connection c = connect(args[1]);
            Statement s = c.createStatement()) {
          int n = s.executeUpdate("delete from fr_result");
          System.out.println("FORGET " + n + " stored results removed: the next run computes all");
        }
      }
      case "ENDRUNS" -> {
        try (Connection c = connect(args[1]);
            Statement s = c.createStatement()) {
          int runs =
              s.executeUpdate(
                  "update fr_run set status = 'FAILED', failure = 'benchmark reset', finished_at ="
                      + " utc_timestamp(6) where status = 'RUNNING'");
          s.executeUpdate("update fr_run_guard set run_id = null");
          System.out.println("ENDRUNS " + runs + " runs left RUNNING ended (FAILED)");
        }
      }
      case "CHANGE" -> change(args[1], intArg(args, 2, 20));
      case "RUN" -> run(URI.create(args[1].endsWith("/") ? args[1] : args[1] + "/"), args);
      default -> throw new IllegalArgumentException(args[0]);
    }
  }

  private static int intArg(String[] args, int i, int dflt) {
    return args.length > i ? Integer.parseInt(args[i]) : dflt;
  }

  static Connection connect(String url) throws SQLException {
    String u =
        url.contains("rewriteBatchedStatements")
            ? url
            : url + (url.contains("?") ? "&" : "?") + "rewriteBatchedStatements=true";
    return DriverManager.getConnection(
        u, System.getProperty("user", "root"), System.getProperty("password", ""));
  }

  // ------------------------------------------------------------------------------------------
  // LOAD / RESET / CHANGE

  /** Removes the applications and library documents an earlier LOAD wrote. */
  static void reset(Connection c) throws SQLException {
    long t0 = System.nanoTime();
    c.setAutoCommit(true);
    List<String> children = childTables(c);
    try (Statement s = c.createStatement()) {
      String range = " where application_id between " + FIRST_ID + " and " + LAST_ID;
      for (String t : children) {
        s.executeUpdate("delete from " + t + range);
      }
      for (String t : List.of("fr_result", "fr_decision", "fr_integrity_record")) {
        s.executeUpdate("delete from " + t + range);
      }
      int apps =
          s.executeUpdate(
              "delete from sub_application where id between " + FIRST_ID + " and " + LAST_ID);
      int lib =
          s.executeUpdate("delete from fr_library_document where import_batch = '" + BATCH + "'");
      // a run left RUNNING by a server stopped in the middle would be resumed by the next one
      int runs =
          s.executeUpdate(
              "update fr_run set status = 'FAILED', failure = 'benchmark reset', finished_at ="
                  + " utc_timestamp(6) where status = 'RUNNING'");
      s.executeUpdate("update fr_run_guard set run_id = null");
      System.out.printf(
          Locale.ROOT,
          "RESET removed %d applications and %d library documents, ended %d runs (%.1f s)%n",
          apps,
          lib,
          runs,
          (System.nanoTime() - t0) / 1e9);
    }
  }

  /** The tables that hang off an application (submission's), by their application_id column. */
  static List<String> childTables(Connection c) throws SQLException {
    List<String> out = new ArrayList<>();
    try (ResultSet r =
        c.createStatement()
            .executeQuery(
                "select table_name from information_schema.columns where table_schema ="
                    + " database() and column_name = 'application_id' and table_name like"
                    + " 'sub\\_%' order by table_name")) {
      while (r.next()) {
        out.add(r.getString(1));
      }
    }
    return out;
  }

  static List<String> columns(Connection c, String table) throws SQLException {
    List<String> out = new ArrayList<>();
    try (PreparedStatement p =
        c.prepareStatement(
            "select column_name from information_schema.columns where table_schema = database()"
                + " and table_name = ? order by ordinal_position")) {
      p.setString(1, table);
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          out.add(r.getString(1));
        }
      }
    }
    return out;
  }

  /** One generated document ready to insert. */
  record Doc(int index, boolean library, String text) {}

  static void load(String url, int apps, int library, int units) throws Exception {
    CorpusGenerator gen =
        new CorpusGenerator(
            new CorpusGenerator.Spec(
                apps,
                library,
                units,
                0.3,
                new double[] {0.02, 0.05, 0.1, 0.2, 0.3, 0.5, 0.9},
                EnumSet.allOf(CorpusGenerator.Attack.class),
                false,
                true,
                20261130L));
    try (Connection c = connect(url)) {
      reset(c);
      c.setAutoCommit(false);
      long t0 = System.nanoTime();
      // generated on the other threads while this one inserts
      int threads = Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      BlockingQueue<Future<Doc>> queue = new ArrayBlockingQueue<>(400);
      int total = apps + library;
      Thread producer =
          new Thread(
              () -> {
                try {
                  for (int k = 0; k < total; k++) {
                    int i = k;
                    queue.put(
                        pool.submit(
                            () ->
                                i < library
                                    ? new Doc(i, true, gen.library(i).text())
                                    : new Doc(i - library, false, gen.round(i - library).text())));
                  }
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              });
      producer.start();
      Timestamp now = Timestamp.from(Instant.now());
      PreparedStatement lib =
          c.prepareStatement(
              "insert into fr_library_document (title, file_name, text_sha256, body, import_batch,"
                  + " imported_by, imported_at) values (?, ?, ?, ?, ?, 'benchmark', ?)");
      Applications a = new Applications(c);
      long chars = 0;
      int pending = 0;
      for (int k = 0; k < total; k++) {
        Doc d = queue.take().get();
        chars += d.text().length();
        if (d.library()) {
          String title = String.format(Locale.ROOT, "往年项目%05d", d.index());
          lib.setString(1, title);
          lib.setString(2, title + ".txt");
          lib.setString(3, sha256(d.text()));
          lib.setString(4, d.text());
          lib.setString(5, BATCH);
          lib.setTimestamp(6, now);
          lib.addBatch();
        } else {
          a.add(d.index(), d.text());
        }
        if (++pending == 100 || k == total - 1) {
          lib.executeBatch();
          a.flush();
          c.commit();
          pending = 0;
        }
        if ((k + 1) % 2000 == 0 || k == total - 1) {
          System.err.printf(
              Locale.ROOT,
              "  %d/%d documents (%.0f s)%n",
              k + 1,
              total,
              (System.nanoTime() - t0) / 1e9);
        }
      }
      producer.join();
      pool.shutdown();
      System.out.printf(
          Locale.ROOT,
          "LOAD %d library documents and %d RECOMMENDED applications of ~%d units (%.0f M"
              + " characters in all) in %.1f s; %s%n",
          library,
          apps,
          units,
          chars / 1e6,
          (System.nanoTime() - t0) / 1e9,
          SimilarityBenchmark.loadAverage());
    }
  }

  /** Writes applications as copies of the demo's recommended ones, in batches. */
  static final class Applications {
    private final Connection c;
    private final PreparedStatement app;
    private final List<PreparedStatement> children = new ArrayList<>();

    Applications(Connection c) throws SQLException {
      this.c = c;
      List<String> cols = columns(c, "sub_application");
      List<String> own =
          List.of(
              "id",
              "status",
              "pi_id_number",
              "pi_name",
              "title_zh",
              "text_basis",
              "text_content",
              "text_route",
              "text_cooperation",
              "text_outcomes",
              "text_indicators",
              "acceptance_no",
              "content_sha256");
      StringBuilder select = new StringBuilder();
      for (String col : cols) {
        select.append(select.length() == 0 ? "" : ", ").append(own.contains(col) ? "?" : col);
      }
      // the parameters in the order of the table's columns
      order = cols.stream().filter(own::contains).toList();
      app =
          c.prepareStatement(
              "insert into sub_application ("
                  + String.join(", ", cols)
                  + ") select "
                  + select
                  + " from sub_application where id = ?");
      for (String t : childTables(c)) {
        List<String> tc = new ArrayList<>(columns(c, t));
        tc.remove("id"); // an auto-increment key (attachments)
        String sel =
            String.join(", ", tc.stream().map(x -> x.equals("application_id") ? "?" : x).toList());
        children.add(
            c.prepareStatement(
                "insert into "
                    + t
                    + " ("
                    + String.join(", ", tc)
                    + ") select "
                    + sel
                    + " from "
                    + t
                    + " where application_id = ?"));
      }
    }

    private final List<String> order;

    void add(int i, String text) throws Exception {
      long id = FIRST_ID + i;
      long template = TEMPLATES[i % TEMPLATES.length];
      String[] sections = sections(text);
      String title = String.format(Locale.ROOT, "基准测试申报书%05d：国际科技合作联合研发", i);
      String piName = "测试" + "甲乙丙丁戊己庚辛壬癸".charAt(i % 10) + "子丑寅卯辰巳午未申酉戌亥".charAt((i / 10) % 12);
      StringBuilder all = new StringBuilder(title);
      for (String s : sections) {
        all.append('\n').append(s);
      }
      int p = 1;
      for (String col : order) {
        Object v =
            switch (col) {
              case "id" -> id;
              case "status" -> "RECOMMENDED";
              case "pi_id_number" -> residentId(i);
              case "pi_name" -> piName;
              case "title_zh" -> title;
              case "text_basis" -> sections[0];
              case "text_content" -> sections[1];
              case "text_route" -> sections[2];
              case "text_cooperation" -> sections[3];
              case "text_outcomes" -> sections[4];
              case "text_indicators" -> sections[5];
              case "acceptance_no" -> String.format(Locale.ROOT, "HZ2026-A1-B%06d", id);
              case "content_sha256" -> sha256(all.toString());
              default -> throw new IllegalStateException(col);
            };
        app.setObject(p++, v);
      }
      app.setLong(p, template);
      app.addBatch();
      for (PreparedStatement ch : children) {
        ch.setLong(1, id);
        ch.setLong(2, template);
        ch.addBatch();
      }
    }

    void flush() throws SQLException {
      app.executeBatch();
      for (PreparedStatement ch : children) {
        ch.executeBatch();
      }
    }
  }

  /** The text cut into the form's six sections, at sentence ends near equal lengths. */
  static String[] sections(String text) {
    String[] out = new String[6];
    int from = 0;
    for (int k = 0; k < 6; k++) {
      int to;
      if (k == 5) {
        to = text.length();
      } else {
        to = Math.max(from, (int) ((long) text.length() * (k + 1) / 6));
        int end = text.indexOf('。', to);
        to = end < 0 ? text.length() : end + 1;
      }
      out[k] = text.substring(from, Math.min(to, text.length())).strip();
      if (out[k].isEmpty()) {
        out[k] = "（略）";
      }
      from = Math.min(to, text.length());
    }
    return out;
  }

  /** A valid resident ID number (GB 11643, with its check digit), one per i. */
  static String residentId(int i) {
    String body =
        String.format(
            Locale.ROOT,
            "330106%04d%02d%02d%03d",
            1960 + i % 35,
            1 + (i / 35) % 12,
            1 + (i / 420) % 28,
            i % 1000);
    int[] w = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    int s = 0;
    for (int k = 0; k < 17; k++) {
      s += (body.charAt(k) - '0') * w[k];
    }
    return body + "10X98765432".charAt(s % 11);
  }

  static void change(String url, int n) throws Exception {
    try (Connection c = connect(url)) {
      List<Long> ids = new ArrayList<>();
      try (ResultSet r =
          c.createStatement()
              .executeQuery(
                  "select id from sub_application where id between "
                      + FIRST_ID
                      + " and "
                      + LAST_ID
                      + " order by id")) {
        while (r.next()) {
          ids.add(r.getLong(1));
        }
      }
      if (ids.isEmpty()) {
        throw new IllegalStateException("nothing loaded: run LOAD first");
      }
      String stamp = Instant.now().toString();
      int changed = 0;
      try (PreparedStatement p =
          c.prepareStatement(
              "update sub_application set text_route = concat(text_route, ?), content_sha256 ="
                  + " sha2(concat(content_sha256, ?), 256), version = version + 1 where id = ?")) {
        for (int k = 0; k < n && k < ids.size(); k++) {
          long id = ids.get((int) ((long) k * ids.size() / Math.min(n, ids.size())));
          p.setString(1, "经形式审查提示，申请人于" + stamp + "补充说明了技术路线第" + (k + 1) + "处细节。");
          p.setString(2, stamp);
          p.setLong(3, id);
          changed += p.executeUpdate();
        }
      }
      System.out.printf(Locale.ROOT, "CHANGE %d applications' texts edited%n", changed);
    }
  }

  // ------------------------------------------------------------------------------------------
  // RUN

  private static final Pattern NUMBER = Pattern.compile("\"(\\w+)\":(-?\\d+)");
  private static final Pattern STRING = Pattern.compile("\"(\\w+)\":\"([^\"]*)\"");

  static void run(URI base, String[] args) throws Exception {
    if (!InetAddress.getByName(base.getHost()).isLoopbackAddress()) {
      System.err.println("loopback only: " + base.getHost());
      System.exit(2);
    }
    HttpClient http = PageBenchmark.client();
    PageBenchmark.login(http, base, "demo_review");
    // the session's anti-forgery token comes with any signed-in API answer
    HttpResponse<String> first =
        http.send(
            HttpRequest.newBuilder(base.resolve("api/v1/formal-review/runs/current")).build(),
            HttpResponse.BodyHandlers.ofString());
    String csrf =
        first
            .headers()
            .firstValue("X-CSRF-Token")
            .orElseThrow(() -> new IllegalStateException("no X-CSRF-Token: " + first.statusCode()));
    String body = args.length > 2 ? "{\"chunk\":" + Integer.parseInt(args[2]) + "}" : "{}";
    System.out.printf(
        Locale.ROOT, "RUN start %s (%s); %s%n", base, body, SimilarityBenchmark.loadAverage());
    long t0 = System.nanoTime();
    HttpResponse<String> started =
        http.send(
            HttpRequest.newBuilder(base.resolve("api/v1/formal-review/runs"))
                .header("Content-Type", "application/json")
                .header("X-CSRF-Token", csrf)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    double startSecs = (System.nanoTime() - t0) / 1e9;
    if (started.statusCode() != 202) {
      throw new IllegalStateException(
          "start answered " + started.statusCode() + ": " + started.body());
    }
    long id = number(started.body(), "id");
    System.out.printf(
        Locale.ROOT,
        "RUN %d started: %d applications; the start request took %.1f s%n",
        id,
        number(started.body(), "total"),
        startSecs);
    String status = "RUNNING";
    long done = 0;
    long total = number(started.body(), "total");
    long firstMove = -1;
    long maxStill = 0;
    long lastDone = -1;
    String lastShown = null;
    long stillSince = System.nanoTime();
    long next = t0 + 1_000_000_000L;
    List<String> timeline = new ArrayList<>();
    while (status.equals("RUNNING")) {
      long wait = next - System.nanoTime();
      if (wait > 0) {
        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
      }
      next += 1_000_000_000L;
      long a = System.nanoTime();
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(base.resolve("api/v1/formal-review/runs/current")).build(),
              HttpResponse.BodyHandlers.ofString());
      double pollMs = (System.nanoTime() - a) / 1e6;
      if (r.statusCode() != 200) {
        throw new IllegalStateException("progress answered " + r.statusCode() + ": " + r.body());
      }
      if (number(r.body(), "id") != id) {
        throw new IllegalStateException("another run: " + r.body());
      }
      status = string(r.body(), "status");
      done = number(r.body(), "done");
      long recomputed = number(r.body(), "recomputed");
      // what the screen shows while the run prepares: the phase's bar (the library indexed, the
      // round's texts read), then the checks' bar
      String preparing = stringOrNull(r.body(), "preparing");
      long prepared = preparing == null ? 0 : number(r.body(), "prepared");
      long prepareTotal = preparing == null ? 0 : number(r.body(), "prepareTotal");
      String shown = preparing == null ? "done " + done : preparing + " " + prepared;
      double t = (System.nanoTime() - t0) / 1e9;
      if (done != lastDone && done > 0 && firstMove < 0) {
        firstMove = System.nanoTime() - t0;
      }
      lastDone = done;
      if (!shown.equals(lastShown)) {
        lastShown = shown;
        stillSince = System.nanoTime();
      } else if (status.equals("RUNNING")) {
        maxStill = Math.max(maxStill, System.nanoTime() - stillSince);
      }
      String line =
          String.format(
              Locale.ROOT,
              "  %5.0f s  %5d/%d  recomputed %5d  %-7s %s (progress answered in %.0f ms; %s)",
              t,
              done,
              total,
              recomputed,
              status,
              preparing == null
                  ? ""
                  : String.format(
                      Locale.ROOT, "preparing %s %d/%d ", preparing, prepared, prepareTotal),
              pollMs,
              SimilarityBenchmark.loadAverage());
      System.out.println(line);
      timeline.add(line);
      if (status.equals("FAILED")) {
        System.out.println("RUN failed: " + r.body());
      }
      if (!status.equals("RUNNING")) {
        System.out.printf(
            Locale.ROOT,
            "RUN %d %s: %d/%d applications, %d recomputed, in %.1f s from the start request"
                + " (first application checked after %.1f s; the bars, preparation's then the"
                + " checks', stood still at most %.1f s); %s%n",
            id,
            status,
            done,
            total,
            recomputed,
            t,
            firstMove / 1e9,
            maxStill / 1e9,
            SimilarityBenchmark.loadAverage());
      }
    }
  }

  static long number(String json, String name) {
    Matcher m = NUMBER.matcher(json);
    while (m.find()) {
      if (m.group(1).equals(name)) {
        return Long.parseLong(m.group(2));
      }
    }
    throw new IllegalStateException("no " + name + " in " + json);
  }

  static String string(String json, String name) {
    Matcher m = STRING.matcher(json);
    while (m.find()) {
      if (m.group(1).equals(name)) {
        return m.group(2);
      }
    }
    throw new IllegalStateException("no " + name + " in " + json);
  }

  static String stringOrNull(String json, String name) {
    Matcher m = STRING.matcher(json);
    while (m.find()) {
      if (m.group(1).equals(name)) {
        return m.group(2);
      }
    }
    return null;
  }

  static String sha256(String s) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
