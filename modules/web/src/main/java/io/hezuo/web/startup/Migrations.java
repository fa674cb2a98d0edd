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

  private volatile String schemaVersion;

  /** The schema version after the migrations ran (the first call waits for them). */
  public String schemaVersion() {
    return schemaVersion;
  }

  @PostConstruct
  void migrate() {
    List<String> missing = missingVariables(System.getenv());
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
            // the database may still be starting (./deploy/run.sh starts both at once)
            .connectRetries(20)
            .locations("classpath:db/migration")
            .load()
            .migrate();
    schemaVersion = String.valueOf(result.targetSchemaVersion);
    LOG.info(
        () ->
            "Database schema at version "
                + result.targetSchemaVersion
                + " ("
                + result.migrationsExecuted
                + " migration(s) applied now)");
  }

  /** The database variables that are missing (the password may be empty, not absent). */
  static List<String> missingVariables(java.util.Map<String, String> env) {
    List<String> missing = new ArrayList<>();
    for (String name : REQUIRED) {
      String v = env.get(name);
      if (v == null || v.isBlank()) {
        missing.add(name);
      }
    }
    if (env.get("HEZUO_DB_PASSWORD") == null) {
      missing.add("HEZUO_DB_PASSWORD");
    }
    return missing;
  }
}
