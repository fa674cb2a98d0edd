package io.hezuo.benchmarks;

import io.hezuo.directory.domain.PasswordHasher;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The data of the deadline surge (issue 15, "Load test"), written by JDBC into the database of a
 * running server ({@code ./deploy/run.sh} with the demo data), and the check of its receipts.
 *
 * <pre>
 * java -cp CP io.hezuo.benchmarks.SurgeData LOAD JDBC_URL [N]
 * java -cp CP io.hezuo.benchmarks.SurgeData RESET JDBC_URL
 * java -cp CP io.hezuo.benchmarks.SurgeData VERIFY JDBC_URL RECEIPTS_FILE
 * java -cp CP io.hezuo.benchmarks.SurgeData REPORT GATLING_RUN_DIR
 * </pre>
 *
 * <p>LOAD (it first does what RESET does, so it can be run again) writes {@value #UNITS} applying
 * units (enterprises, half under each demo recommending unit, without any extension of the
 * submission deadline) with one unit admin each ({@code surge_unit_01…}), and N (default 1,000)
 * applicants {@code surge_0001…} (password {@code Demo@2026}; one hash computed once, at the
 * server's current cost, shared by all) with their persons (valid resident ID numbers of their
 * own), each with one DRAFT application of the 2026 call: a copy of one of the demo's complete
 * applications (A1 mostly, one in {@value #B_EVERY} of line B1/B2) without the attachment the line
 * requires (the A1 cooperation agreement, the B lines' aid headquarters' letter), which the surge
 * uploads before it submits. Ids: units and unit admins {@value #FIRST_UNIT}…, applicants {@value
 * #FIRST_PI}…, applications {@value #FIRST_APP}….
 *
 * <p>RESET removes what LOAD wrote and what the server wrote about those applications and accounts
 * (receipts of the recommendation module, audit, messages, mail).
 *
 * <p>VERIFY reads the receipts the simulation wrote (one line per acknowledged submission: {@code
 * applicationId,acceptanceNo}) and checks that each is in the database as submitted with that
 * acceptance number, that no application was acknowledged twice with different numbers, and that
 * the database holds no duplicate (an acceptance number twice, two receipts of the recommendation
 * module or two submit records in the audit of one application). Prints the counts; exit status 1
 * on any loss or duplicate.
 *
 * <p>REPORT prints a compact table of a Gatling run (its report directory): per request type the
 * count, the errors, p50 / p95 / p99 / max, the mean rate over the run and the busiest second.
 */
public final class SurgeData {

  static final int UNITS = 20;
  static final long FIRST_UNIT = 600_001;
  static final long FIRST_PI = 610_001;
  static final long FIRST_APP = 620_001;
  static final long LAST_APP = 629_999;
  static final int MAX_N = (int) (LAST_APP - FIRST_APP + 1);
  static final int B_EVERY = 20;
  static final String PASSWORD = "Demo@2026";

  /** Complete demo applications (deploy/demo-data.sql), by recommending unit: A1 and B. */
  static final long[] A1_OF_900002 = {900002, 900003, 900005, 900006};

  static final long[] A1_OF_900005 = {900036, 900037};
  static final long[] B_OF_900002 = {900010, 900013};
  static final long[] B_OF_900005 = {900038};

  private SurgeData() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println(
          "usage: SurgeData LOAD JDBC_URL [N] | RESET JDBC_URL | VERIFY JDBC_URL RECEIPTS_FILE");
      System.exit(2);
    }
    switch (args[0]) {
      case "LOAD" -> load(args[1], args.length > 2 ? Integer.parseInt(args[2]) : 1_000);
      case "REPORT" -> report(Path.of(args[1]));
      case "RESET" -> {
        try (Connection c = FormalReviewRunBenchmark.connect(args[1])) {
          reset(c);
        }
      }
      case "VERIFY" -> {
        if (args.length < 3) {
          System.err.println("VERIFY JDBC_URL RECEIPTS_FILE");
          System.exit(2);
        }
        boolean ok;
        try (Connection c = FormalReviewRunBenchmark.connect(args[1])) {
          ok = verify(c, Path.of(args[2]));
        }
        System.exit(ok ? 0 : 1);
      }
      default -> throw new IllegalArgumentException(args[0]);
    }
  }

  static String username(int i) {
    return String.format(Locale.ROOT, "surge_%04d", i + 1);
  }

  static String unitAdmin(int u) {
    return String.format(Locale.ROOT, "surge_unit_%02d", u + 1);
  }

  // ------------------------------------------------------------------------------------------
  // RESET

  static void reset(Connection c) throws SQLException {
    long t0 = System.nanoTime();
    c.setAutoCommit(true);
    String apps = " between " + FIRST_APP + " and " + LAST_APP;
    String accounts = " between " + FIRST_UNIT + " and " + (FIRST_PI + MAX_N);
    try (Statement s = c.createStatement()) {
      for (String t : tablesWith(c, "application_id")) {
        s.executeUpdate("delete from " + t + " where application_id" + apps);
      }
      s.executeUpdate(
          "delete r from krn_message_recipient r join krn_message m on m.id = r.message_id where"
              + " m.entity_type = 'Application' and cast(m.entity_id as unsigned)"
              + apps);
      s.executeUpdate(
          "delete from krn_message_recipient where username like 'surge\\_%'"); // notices to them
      s.executeUpdate(
          "delete from krn_message where entity_type = 'Application' and cast(entity_id as"
              + " unsigned)"
              + apps);
      s.executeUpdate(
          "delete from krn_mail_outbox where entity_type = 'Application' and cast(entity_id as"
              + " unsigned)"
              + apps);
      s.executeUpdate(
          "delete from krn_audit where (entity_type = 'Application' and cast(entity_id as"
              + " unsigned)"
              + apps
              + ") or actor like 'surge\\_%'");
      int n = s.executeUpdate("delete from sub_application where id" + apps);
      s.executeUpdate("delete from dir_account_role where account_id" + accounts);
      int a = s.executeUpdate("delete from dir_account where id" + accounts);
      s.executeUpdate("delete from dir_person where id" + accounts);
      int u =
          s.executeUpdate(
              "delete from dir_organisation where id between "
                  + FIRST_UNIT
                  + " and "
                  + (FIRST_UNIT + UNITS - 1));
      System.out.printf(
          Locale.ROOT,
          "RESET removed %d applications, %d accounts, %d units (%.1f s)%n",
          n,
          a,
          u,
          (System.nanoTime() - t0) / 1e9);
    }
  }

  static List<String> tablesWith(Connection c, String column) throws SQLException {
    List<String> out = new ArrayList<>();
    try (PreparedStatement p =
        c.prepareStatement(
            "select table_name from information_schema.columns where table_schema = database()"
                + " and column_name = ? order by table_name")) {
      p.setString(1, column);
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          out.add(r.getString(1));
        }
      }
    }
    return out;
  }

  // ------------------------------------------------------------------------------------------
  // LOAD

  static void load(String url, int n) throws Exception {
    if (n < 1 || n > MAX_N) {
      throw new IllegalArgumentException("N: 1…" + MAX_N);
    }
    try (Connection c = FormalReviewRunBenchmark.connect(url)) {
      reset(c);
      long t0 = System.nanoTime();
      // one hash at the server's current cost, shared by every account (a demo hash of an older
      // cost would be re-hashed at each account's first login, and that is not the surge's work)
      String hash = PasswordHasher.hash(PASSWORD);
      c.setAutoCommit(false);
      Timestamp now = Timestamp.from(Instant.now());
      try (PreparedStatement org =
              c.prepareStatement(
                  "insert into dir_organisation (id, name, name_en, credit_code, type, city,"
                      + " county, recommender_id, is_recommender, demo) values (?, ?, ?, ?,"
                      + " 'ENTERPRISE', ?, ?, ?, 0, 0)");
          PreparedStatement person =
              c.prepareStatement(
                  "insert into dir_person (id, name, id_type, id_number, birth_date, phone, email,"
                      + " organisation_id) values (?, ?, 'RESIDENT_ID', ?, ?, ?, ?, ?)");
          PreparedStatement account =
              c.prepareStatement(
                  "insert into dir_account (id, username, password_hash, person_id,"
                      + " organisation_id, status, created_at, demo) values (?, ?, ?, ?, ?,"
                      + " 'ACTIVE', ?, 0)");
          PreparedStatement role =
              c.prepareStatement("insert into dir_account_role (account_id, role) values (?, ?)")) {
        for (int u = 0; u < UNITS; u++) {
          long id = FIRST_UNIT + u;
          boolean hangzhou = u % 2 == 0;
          org.setLong(1, id);
          org.setString(2, String.format(Locale.ROOT, "浪涌测试科技有限公司%02d（测试）", u + 1));
          org.setString(
              3, String.format(Locale.ROOT, "Surge Test Technology Co. %02d (test)", u + 1));
          org.setString(4, String.format(Locale.ROOT, "91330100SURGE%05d", u + 1));
          org.setString(5, hangzhou ? "杭州市" : "宁波市");
          org.setString(6, hangzhou ? "滨江区" : "鄞州区");
          org.setLong(7, hangzhou ? 900002 : 900005);
          org.addBatch();
          String idNo = residentId("330282", u);
          person.setLong(1, id);
          person.setString(2, "浪涌单位" + (u + 1));
          person.setString(3, idNo);
          person.setString(4, birth(idNo));
          person.setString(5, String.format(Locale.ROOT, "1370000%04d", u + 1));
          person.setString(6, unitAdmin(u) + "@surge.hezuo.local");
          person.setLong(7, id);
          person.addBatch();
          account.setLong(1, id);
          account.setString(2, unitAdmin(u));
          account.setString(3, hash);
          account.setLong(4, id);
          account.setLong(5, id);
          account.setTimestamp(6, now);
          account.addBatch();
          role.setLong(1, id);
          role.setString(2, io.hezuo.kernel.security.Role.UNIT_ADMIN.name());
          role.addBatch();
        }
        org.executeBatch();
        person.executeBatch();
        account.executeBatch();
        role.executeBatch();
        c.commit();
        Copies copies = new Copies(c);
        for (int i = 0; i < n; i++) {
          long id = FIRST_PI + i;
          int u = i % UNITS;
          long unit = FIRST_UNIT + u;
          String idNo = residentId("330281", i);
          String name = piName(i);
          person.setLong(1, id);
          person.setString(2, name);
          person.setString(3, idNo);
          person.setString(4, birth(idNo));
          person.setString(5, String.format(Locale.ROOT, "1380001%04d", i % 10_000));
          person.setString(6, username(i) + "@surge.hezuo.local");
          person.setLong(7, unit);
          person.addBatch();
          account.setLong(1, id);
          account.setString(2, username(i));
          account.setString(3, hash);
          account.setLong(4, id);
          account.setLong(5, unit);
          account.setTimestamp(6, now);
          account.addBatch();
          role.setLong(1, id);
          role.setString(2, io.hezuo.kernel.security.Role.APPLICANT.name());
          role.addBatch();
          copies.add(i, FIRST_APP + i, template(i, u % 2 == 0), username(i), id, idNo, name, unit);
          if ((i + 1) % 200 == 0 || i == n - 1) {
            person.executeBatch();
            account.executeBatch();
            role.executeBatch();
            copies.flush();
            c.commit();
          }
        }
      }
      System.out.printf(
          Locale.ROOT,
          "LOAD %d units with their admins (surge_unit_01…%02d), %d applicants (%s…%s) with one"
              + " DRAFT application each (ids %d…%d, %d of lines B) in %.1f s%n",
          UNITS,
          UNITS,
          n,
          username(0),
          username(n - 1),
          FIRST_APP,
          FIRST_APP + n - 1,
          (n + B_EVERY - 1) / B_EVERY,
          (System.nanoTime() - t0) / 1e9);
    }
  }

  /** The demo application applicant i's draft is a copy of (its unit under 900002 or 900005). */
  static long template(int i, boolean hangzhou) {
    if (i % B_EVERY == B_EVERY - 1) {
      long[] b = hangzhou ? B_OF_900002 : B_OF_900005;
      return b[(i / B_EVERY) % b.length];
    }
    long[] a = hangzhou ? A1_OF_900002 : A1_OF_900005;
    return a[(i / UNITS) % a.length];
  }

  static String piName(int i) {
    return "浪涌" + "甲乙丙丁戊己庚辛壬癸".charAt(i % 10) + "子丑寅卯辰巳午未申酉戌亥".charAt((i / 10) % 12) + (i / 120);
  }

  /** A valid resident ID number (GB 11643) of an area, one per i (i < 11,760). */
  static String residentId(String area, int i) {
    String body =
        String.format(
            Locale.ROOT,
            "%s%04d%02d%02d%03d",
            area,
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

  static String birth(String idNo) {
    return idNo.substring(6, 10) + "-" + idNo.substring(10, 12) + "-" + idNo.substring(12, 14);
  }

  /**
   * Copies of demo applications as drafts of other PIs and units, with their budget, team, targets,
   * domestic partners and attachments, except the attachment the surge uploads.
   */
  static final class Copies {
    private final PreparedStatement app;
    private final List<String> order;
    private final List<PreparedStatement> children = new ArrayList<>();
    private final PreparedStatement attachments;

    Copies(Connection c) throws SQLException {
      List<String> cols = FormalReviewRunBenchmark.columns(c, "sub_application");
      List<String> own =
          List.of(
              "id",
              "status",
              "pi_username",
              "pi_person_id",
              "pi_id_number",
              "pi_name",
              "organisation_id",
              "title_zh",
              "acceptance_no",
              "content_sha256",
              "submitted_at",
              "warnings",
              "version");
      StringBuilder select = new StringBuilder();
      for (String col : cols) {
        select.append(select.length() == 0 ? "" : ", ").append(own.contains(col) ? "?" : col);
      }
      order = cols.stream().filter(own::contains).toList();
      app =
          c.prepareStatement(
              "insert into sub_application ("
                  + String.join(", ", cols)
                  + ") select "
                  + select
                  + " from sub_application where id = ?");
      for (String t :
          List.of("sub_budget_item", "sub_team_member", "sub_domestic_partner", "sub_target")) {
        children.add(copyOf(c, t, ""));
      }
      // what the surge uploads is left out: A1's agreement, the B lines' aid HQ letter
      attachments =
          copyOf(
              c, "sub_attachment", " and kind not in ('COOPERATION_AGREEMENT', 'AID_HQ_LETTER')");
    }

    private static PreparedStatement copyOf(Connection c, String table, String filter)
        throws SQLException {
      List<String> tc = new ArrayList<>(FormalReviewRunBenchmark.columns(c, table));
      tc.remove("id"); // auto-increment keys (attachments)
      String sel =
          String.join(", ", tc.stream().map(x -> x.equals("application_id") ? "?" : x).toList());
      return c.prepareStatement(
          "insert into "
              + table
              + " ("
              + String.join(", ", tc)
              + ") select "
              + sel
              + " from "
              + table
              + " where application_id = ?"
              + filter);
    }

    void add(
        int i,
        long id,
        long template,
        String username,
        long personId,
        String idNo,
        String name,
        long unit)
        throws SQLException {
      int p = 1;
      for (String col : order) {
        Object v =
            switch (col) {
              case "id" -> id;
              case "status" -> "DRAFT";
              case "pi_username" -> username;
              case "pi_person_id" -> personId;
              case "pi_id_number" -> idNo;
              case "pi_name" -> name;
              case "organisation_id" -> unit;
              case "title_zh" -> String.format(Locale.ROOT, "截止日浪涌测试申报书%04d：国际科技合作联合研发", i + 1);
              case "acceptance_no", "content_sha256", "submitted_at", "warnings" -> null;
              case "version" -> 1L;
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
      attachments.setLong(1, id);
      attachments.setLong(2, template);
      attachments.addBatch();
    }

    void flush() throws SQLException {
      app.executeBatch();
      for (PreparedStatement ch : children) {
        ch.executeBatch();
      }
      attachments.executeBatch();
    }
  }

  // ------------------------------------------------------------------------------------------
  // VERIFY

  static boolean verify(Connection c, Path receipts) throws Exception {
    Map<Long, String> acknowledged = new HashMap<>();
    int lines = 0;
    int conflicting = 0;
    int repeated = 0;
    if (Files.exists(receipts)) {
      for (String line : Files.readAllLines(receipts, StandardCharsets.UTF_8)) {
        if (line.isBlank()) {
          continue;
        }
        lines++;
        String[] f = line.trim().split(",");
        long id = Long.parseLong(f[0]);
        String no = f[1];
        String before = acknowledged.putIfAbsent(id, no);
        if (before != null) {
          if (before.equals(no)) {
            repeated++; // the same receipt again (an idempotent retry): not a duplicate
          } else {
            conflicting++;
            System.out.printf("DUPLICATE receipts of application %d: %s and %s%n", id, before, no);
          }
        }
      }
    }
    int lost = 0;
    try (PreparedStatement p =
        c.prepareStatement("select status, acceptance_no from sub_application where id = ?")) {
      for (Map.Entry<Long, String> e : acknowledged.entrySet()) {
        p.setLong(1, e.getKey());
        try (ResultSet r = p.executeQuery()) {
          if (!r.next()) {
            lost++;
            System.out.printf(
                "LOST application %d (%s): not in the database%n", e.getKey(), e.getValue());
          } else if (!e.getValue().equals(r.getString(2))
              || "DRAFT".equals(r.getString(1))
              || "RETURNED".equals(r.getString(1))) {
            lost++;
            System.out.printf(
                "LOST application %d: acknowledged %s, in the database %s %s%n",
                e.getKey(), e.getValue(), r.getString(1), r.getString(2));
          }
        }
      }
    }
    String range = " between " + FIRST_APP + " and " + LAST_APP;
    long loaded = count(c, "select count(*) from sub_application where id" + range);
    long submitted =
        count(
            c,
            "select count(*) from sub_application where id"
                + range
                + " and status = 'SUBMITTED' and acceptance_no is not null");
    long dupNumbers =
        count(
            c,
            "select count(*) from (select acceptance_no from sub_application where acceptance_no is"
                + " not null group by acceptance_no having count(*) > 1) d");
    long dupRec =
        count(
            c,
            "select count(*) from (select application_id from rec_submitted_application where"
                + " application_id"
                + range
                + " group by application_id having count(*) > 1) d");
    long dupAudit =
        count(
            c,
            "select count(*) from (select entity_id from krn_audit where entity_type ="
                + " 'Application' and action = 'submit' and cast(entity_id as unsigned)"
                + range
                + " group by entity_id having count(*) > 1) d");
    Set<Long> inDb = new HashSet<>();
    try (ResultSet r =
        c.createStatement()
            .executeQuery(
                "select id from sub_application where id" + range + " and status = 'SUBMITTED'")) {
      while (r.next()) {
        inDb.add(r.getLong(1));
      }
    }
    inDb.removeAll(acknowledged.keySet());
    boolean ok = lost == 0 && conflicting == 0 && dupNumbers == 0 && dupRec == 0 && dupAudit == 0;
    System.out.printf(
        Locale.ROOT,
        "VERIFY %s: %d receipt lines (%d applications acknowledged, %d repeated identical), %d"
            + " lost, %d conflicting receipts; database: %d surge applications, %d SUBMITTED (%d"
            + " of them without a receipt the client saw), duplicate acceptance numbers %d,"
            + " applications with two recommendation receipts %d, with two submit audit records"
            + " %d%n",
        ok ? "OK" : "FAILED",
        lines,
        acknowledged.size(),
        repeated,
        lost,
        conflicting,
        loaded,
        submitted,
        inDb.size(),
        dupNumbers,
        dupRec,
        dupAudit);
    return ok;
  }

  static long count(Connection c, String sql) throws SQLException {
    try (ResultSet r = c.createStatement().executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }

  // ------------------------------------------------------------------------------------------
  // REPORT

  private static final java.util.regex.Pattern BLOCK =
      java.util.regex.Pattern.compile("stats: \\{\\s*\"name\": \"([^\"]*)\"");

  static String field(String block, String name) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile(
                "\""
                    + name
                    + "\": \\{\\s*\"total\": \"([^\"]*)\",\\s*\"ok\": \"([^\"]*)\",\\s*\"ko\": \"([^\"]*)\"")
            .matcher(block);
    return m.find() ? m.group(1) + "|" + m.group(2) + "|" + m.group(3) : "-|-|-";
  }

  /** The busiest second of a request type: the largest count of its "requests" series. */
  static long peak(Path dir, String name) throws java.io.IOException {
    try (var files = Files.list(dir)) {
      for (Path f : files.filter(x -> x.getFileName().toString().startsWith("req_")).toList()) {
        String html = Files.readString(f, StandardCharsets.UTF_8);
        if (!html.contains("\"name\": \"" + name + "\"")
            && !html.contains("<title>Gatling Stats - " + name + "</title>")) {
          continue;
        }
        int at = html.indexOf("var requests = unpack([");
        if (at < 0) {
          return -1;
        }
        String series = html.substring(at, html.indexOf("]);", at));
        java.util.regex.Matcher m =
            java.util.regex.Pattern.compile("\\[\\d+,\\[(\\d+),").matcher(series);
        long max = 0;
        while (m.find()) {
          max = Math.max(max, Long.parseLong(m.group(1)));
        }
        return max;
      }
    }
    return -1;
  }

  static void report(Path dir) throws Exception {
    String js = Files.readString(dir.resolve("js/stats.js"), StandardCharsets.UTF_8);
    java.util.regex.Matcher m = BLOCK.matcher(js);
    List<int[]> starts = new ArrayList<>();
    List<String> names = new ArrayList<>();
    while (m.find()) {
      starts.add(new int[] {m.start()});
      names.add(m.group(1));
    }
    System.out.printf(
        Locale.ROOT,
        "%-34s %7s %6s %7s %7s %7s %7s %8s %8s%n",
        "request",
        "count",
        "errors",
        "p50 ms",
        "p95 ms",
        "p99 ms",
        "max ms",
        "mean /s",
        "peak /s");
    for (int k = 0; k < names.size(); k++) {
      int from = starts.get(k)[0];
      int to = k + 1 < starts.size() ? starts.get(k + 1)[0] : js.length();
      String b = js.substring(from, to);
      String[] count = field(b, "numberOfRequests").split("\\|");
      String name = names.get(k);
      long peak = name.equals("All Requests") ? -1 : peak(dir, name);
      System.out.printf(
          Locale.ROOT,
          "%-34s %7s %6s %7s %7s %7s %7s %8s %8s%n",
          name,
          count[0],
          count[2],
          field(b, "percentiles1").split("\\|")[0],
          field(b, "percentiles3").split("\\|")[0],
          field(b, "percentiles4").split("\\|")[0],
          field(b, "maxResponseTime").split("\\|")[0],
          field(b, "meanNumberOfRequestsPerSecond").split("\\|")[0],
          peak < 0 ? "" : String.valueOf(peak));
    }
  }
}
