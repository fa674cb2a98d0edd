package io.hezuo.web.startup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MigrationsTest {

  @Test
  void namesEveryMissingDatabaseVariable() {
    assertEquals(
        List.of("HEZUO_DB_URL", "HEZUO_DB_USER", "HEZUO_DB_PASSWORD"),
        Migrations.missingVariables(Map.of()));
    assertEquals(
        List.of("HEZUO_DB_URL"),
        Migrations.missingVariables(Map.of("HEZUO_DB_USER", "root", "HEZUO_DB_PASSWORD", "")));
    assertEquals(
        List.of(),
        Migrations.missingVariables(
            Map.of(
                "HEZUO_DB_URL",
                "jdbc:mysql://h/db",
                "HEZUO_DB_USER",
                "u",
                "HEZUO_DB_PASSWORD",
                "")));
  }
}
