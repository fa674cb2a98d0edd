package io.hezuo.web.startup;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Checks the database configuration and applies the Flyway migrations from {@code sql/} once, when
 * the application starts. A missing variable fails the deployment with a message that names it.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class Migrations {

  private static final Logger LOG = Logger.getLogger(Migrations.class.getName());
  static final List<String> REQUIRED = List.of("HEZUO_DB_URL", "HEZUO_DB_USER");

  @Resource(lookup = "java:app/jdbc/hezuo")
  DataSource dataSource;

  @PostConstruct
  void migrate() {
    List<String> missing = missingVariables();
    if (!missing.isEmpty()) {
      String msg =
          "hezuo cannot start: the environment variable(s) "
              + String.join(", ", missing)
              + " must be set (HEZUO_DB_URL=jdbc:mysql://host:port/db, HEZUO_DB_USER,"
              + " HEZUO_DB_PASSWORD). ./deploy/run.sh sets them for you.";
      LOG.severe(msg);
      throw new IllegalStateException(msg);
    }
    MigrateResult result =
        Flyway.configure(Migrations.class.getClassLoader())
            .dataSource(dataSource)
            .locations("classpath:db/migration")
            .load()
            .migrate();
    LOG.info(
        () ->
            "Database schema at version "
                + result.targetSchemaVersion
                + " ("
                + result.migrationsExecuted
                + " migration(s) applied now)");
  }

  static List<String> missingVariables() {
    List<String> missing = new ArrayList<>();
    for (String name : REQUIRED) {
      String v = System.getenv(name);
      if (v == null || v.isBlank()) {
        missing.add(name);
      }
    }
    if (System.getenv("HEZUO_DB_PASSWORD") == null) {
      missing.add("HEZUO_DB_PASSWORD");
    }
    return missing;
  }
}
