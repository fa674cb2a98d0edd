package io.hezuo.web.health;

import io.hezuo.web.startup.Migrations;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when the database answers and the migrations have run; shown at {@code /health/ready} and
 * {@code /health}.
 */
@Readiness
@ApplicationScoped
public class DatabaseHealth implements HealthCheck {

  @Resource(lookup = "java:app/jdbc/hezuo")
  DataSource dataSource;

  @Inject Migrations migrations;

  @Override
  public HealthCheckResponse call() {
    try (Connection c = dataSource.getConnection()) {
      String version = migrations.schemaVersion();
      return HealthCheckResponse.named("database")
          .status(c.isValid(2) && version != null)
          .withData("schemaVersion", String.valueOf(version))
          .build();
    } catch (Exception e) {
      return HealthCheckResponse.named("database").down().build();
    }
  }
}
