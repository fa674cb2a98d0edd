package io.hezuo.web.startup;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
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
 *
 * <p>Also defines the one datasource, {@code java:app/jdbc/hezuo}, its URL, user and password read
 * from the environment (HEZUO_DB_URL, HEZUO_DB_USER, HEZUO_DB_PASSWORD). It is a data source
 * definition rather than an application-scoped pool of {@code glassfish-resources.xml}: Payara
 * names such a pool {@code java:app/…}, and the slash in that name breaks its MicroProfile Metrics
 * (every {@code /metrics} request failed with "Health-Check service not found :
 * healthcheck-cpool/java:app/hezuoPool#freeConnection").
 */
@DataSourceDefinition(
    name = "java:app/jdbc/hezuo",
    className = "com.mysql.cj.jdbc.MysqlDataSource",
    url = "${ENV=HEZUO_DB_URL}",
    user = "${ENV=HEZUO_DB_USER}",
    password = "${ENV=HEZUO_DB_PASSWORD}",
    initialPoolSize = 2,
    minPoolSize = 2,
    // RequestSlots lets 20 requests run at once, each with up to three connections (a transaction
    // that reads through two persistence units takes a second one): 64 always leaves one free
    maxPoolSize = 64,
    // a use case that locks a row (SELECT … FOR UPDATE) and then counts must see what the
    // transaction it waited for committed: REPEATABLE READ's snapshot, taken at the first read,
    // would not (the recommendation race test recommended 11 of 10 places)
    isolationLevel = java.sql.Connection.TRANSACTION_READ_COMMITTED,
    properties = {
      "fish.payara.is-connection-validation-required=true",
      "fish.payara.connection-validation-method=custom-validation",
      "fish.payara.validation-classname="
          + "org.glassfish.api.jdbc.validation.MySQLConnectionValidation",
      "fish.payara.fail-all-connections=true",
      // a connection is checked at most once in 5 s, not at every allocation: EclipseLink takes
      // a connection per query outside a transaction, and the check doubled the statements. Not
      // more seldom: when the database fails over (a Galera node stops, HAProxy sends new
      // connections to another node), the first failed check closes every connection of the
      // pool (fail-all-connections); at 60 s the dead connections were handed out for 15 s
      // (deploy/fault-db.sh)
      "fish.payara.validate-atmost-once-period-in-seconds=5",
      // prepared statements kept per pooled connection: the driver parsed every statement's SQL
      // again on each prepare (about a tenth of a page's server time)
      "fish.payara.statement-cache-size=200",
      // FIXED: Payara's default (LRU) is chosen only when no type is given, and a data source
      // definition passes the type as "null", which Payara then fails to load as a class name
      "fish.payara.statement-cache-type=FIXED",
      // the driver answers getTransactionIsolation/getAutoCommit from what it last set instead of
      // asking the server: the pool's isolation check sent a SELECT @@session.transaction_isolation
      // for every connection taken (half of a page's statements)
      "useLocalSessionState=true"
    })
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
