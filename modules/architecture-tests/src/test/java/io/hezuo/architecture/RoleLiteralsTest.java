package io.hezuo.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Roles are the published enum {@code io.hezuo.kernel.security.Role}: no production source names a
 * role as a string literal ({@code "OFFICER"}), so a misspelt role cannot compile and a check
 * cannot silently compare a string with an enum. Tests may use the names (they write database
 * rows).
 */
class RoleLiteralsTest {

  private static final Pattern LITERAL =
      Pattern.compile(
          "\"(APPLICANT|UNIT_ADMIN|RECOMMENDER|FORMAL_REVIEWER|EXPERT|OFFICER|FINANCE|ADMIN)\"");

  @Test
  void noProductionSourceNamesARoleAsAString() throws IOException {
    Path modules = Path.of("..").toAbsolutePath().normalize();
    assertTrue(Files.isDirectory(modules.resolve("kernel")), "run from modules/architecture-tests");
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(modules)) {
      for (Path p :
          files
              .filter(f -> f.toString().endsWith(".java"))
              .filter(f -> f.toString().contains("/src/main/java/"))
              .toList()) {
        List<String> lines = Files.readAllLines(p);
        for (int i = 0; i < lines.size(); i++) {
          if (LITERAL.matcher(lines.get(i)).find()) {
            found.add(modules.relativize(p) + ":" + (i + 1) + ": " + lines.get(i).trim());
          }
        }
      }
    }
    assertEquals(List.of(), found);
  }
}
