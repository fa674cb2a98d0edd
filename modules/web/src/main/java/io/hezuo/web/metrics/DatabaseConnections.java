package io.hezuo.web.metrics;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.ToLongFunction;
import javax.sql.DataSource;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The connection pool as the database sees it, at {@code /metrics} as {@code
 * db_connections{state="open"}} (connections to the application's schema: the pooled ones, and any
 * other client's on the same schema) and {@code db_connections{state="active"}} (those running a
 * statement, not counting the one that asks), and {@code db_connections_max} (the pool's maximum).
 * Payara's own pool metrics are only published for pools of its configuration, not for an
 * application's data source definition. Read at most once a second, whatever the number of scrapes.
 */
@ApplicationScoped
public class DatabaseConnections {

  static final String NAME = "db.connections";

  /** The data source definition's maxPoolSize ({@code Migrations}). */
  static final long MAX_POOL_SIZE = 32;

  private static final String SQL =
      "SELECT COUNT(*), COALESCE(SUM(COMMAND <> 'Sleep'), 0) FROM information_schema.PROCESSLIST"
          + " WHERE DB = DATABASE()";

  @Resource(lookup = "java:app/jdbc/hezuo")
  DataSource dataSource;

  @Inject MetricRegistry registry;

  private long readAt;
  private long[] last = {0, 0};

  void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
    Metadata metadata =
        Metadata.builder()
            .withName(NAME)
            .withDescription(
                "Database connections of the application's pool: open (pooled) and active"
                    + " (running a statement), as the database lists them")
            .withUnit(MetricUnits.NONE)
            .build();
    gauge(metadata, "open", c -> c[0]);
    gauge(metadata, "active", c -> c[1]);
    registry.gauge(
        Metadata.builder()
            .withName(NAME + ".max")
            .withDescription("The most connections the application's pool opens")
            .withUnit(MetricUnits.NONE)
            .build(),
        this,
        d -> MAX_POOL_SIZE);
  }

  private void gauge(Metadata metadata, String state, ToLongFunction<long[]> pick) {
    registry.gauge(metadata, this, d -> pick.applyAsLong(d.counts()), new Tag("state", state));
  }

  /** Open and active connections, read at most once a second; -1 when the database is down. */
  synchronized long[] counts() {
    long now = System.nanoTime();
    if (readAt != 0 && now - readAt < 1_000_000_000L) {
      return last;
    }
    long[] counts;
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(SQL);
        ResultSet r = s.executeQuery()) {
      r.next();
      // the connection asking is open and active itself: it counts as open, not as active
      counts = new long[] {r.getLong(1), Math.max(0, r.getLong(2) - 1)};
    } catch (SQLException e) {
      counts = new long[] {-1, -1};
    }
    readAt = now;
    last = counts;
    return counts;
  }
}
