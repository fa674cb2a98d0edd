package io.hezuo.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A cheap guard on the seed of the 2026 call in sql/V3__call_catalogue.sql. */
class SeedMigrationTest {

  static String sql;

  @BeforeAll
  static void read() throws IOException {
    sql = Files.readString(Path.of("../../sql/V3__call_catalogue.sql"), StandardCharsets.UTF_8);
  }

  @Test
  void theCallAndItsDeadlinesInUtc() {
    assertTrue(sql.contains("'2026-HZ', 2026, 'PUBLISHED'"));
    assertTrue(
        sql.contains("'2025-08-21', '2025-08-21 16:00:00.000000', '2025-09-15 09:30:00.000000'"));
    assertTrue(sql.contains("'2025-09-19 09:30:00.000000'"));
    assertTrue(sql.contains("SET time_zone = '+00:00'"));
  }

  @Test
  void allNineLinesWithTheirCaps() {
    Pattern line =
        Pattern.compile("\\(@c, '([AB][0-9.]+)', '[AB][0-9]', \\d+, '(INTERNATIONAL|COUNTERPART)'");
    Matcher m = line.matcher(sql);
    Map<String, String> found = new LinkedHashMap<>();
    while (m.find()) {
      found.put(m.group(1), m.group(2));
    }
    assertEquals(
        List.of("A1", "A2.1", "A2.2", "A2.3", "A3", "B1", "B2", "B3", "B4"),
        List.copyOf(found.keySet()));
    assertEquals(5, count(" 1500000.00, 36, "));
    assertEquals(4, count(" 600000.00, 36, "));
    assertEquals(2, count("'PLATFORM_HOST', 'SELECTIVE_COMMISSION', 'PER_PLATFORM'"));
    assertEquals(4, count("'COMPETITIVE', 'COMBINED', 'B'"));
    assertEquals(1, count("'ENTERPRISE_LEAD', 'COMPETITIVE', 'NONE', NULL, NULL, TRUE"));
  }

  @Test
  void allSevenA1Partners() {
    for (String p :
        List.of(
            "'NO', 1, '挪威', 'Norway'",
            "'SG', 2, '新加坡', 'Singapore'",
            "'BE-VWV', 3, '比利时西弗兰德省'",
            "'IL', 4, '以色列', 'Israel'",
            "'TH', 5, '泰国', 'Thailand'",
            "'FI', 6, '芬兰', 'Finland'",
            "'HK', 7, '中国香港'")) {
      assertTrue(sql.contains("(@c, @a1, " + p), p);
    }
    assertTrue(sql.contains("'2025-09-25', FALSE, 'DUAL'"));
    assertTrue(sql.contains("'2025-08-31', FALSE, 'DUAL'"));
    assertTrue(sql.contains("'2025-07-03', FALSE, 'DUAL'"));
    assertEquals(2, count("NULL, TRUE, 'DUAL'"));
    assertEquals(2, count("NULL, NULL, NULL, NULL, FALSE, 'UNILATERAL'"));
  }

  @Test
  void platformsFieldsAndRegions() {
    assertEquals(2, count("'CENTRE', "));
    assertEquals(5, count("'JOINT_LAB', "));
    assertEquals(3, count("'CARRIER_KIND', "));
    assertEquals(1, count("'PROV-JOINT-LAB', 2, 'CARRIER_KIND'"));
    assertTrue(
        sql.contains(
            "省级国际联合实验室',\n 'Provincial international joint laboratories rated “excellent” in the 2024 evaluation', 1, TRUE)"));
    assertEquals(6, count("(@c, @a3, 'BRI', "));
    assertEquals(3, count("(@c, @a3, 'USA-EU', "));
    for (String r :
        List.of(
            "XJ-AKSU", "XPCC-1", "SC-12-68", "CQ-WANZHOU", "CQ-FULING", "QH-HAIXI", "XZ-NAGQU")) {
      assertTrue(sql.contains("'" + r + "'"), r);
    }
  }

  @Test
  void minimumTargetsOfTheBTopics() {
    Pattern row =
        Pattern.compile(
            "\\(@c, @t_(\\w+), '(\\w+)', \\d+, '[^']*', '[^']*', (\\d+), '[^']*', '[^']*'\\)");
    Matcher m = row.matcher(sql);
    Map<String, Integer> min = new LinkedHashMap<>();
    while (m.find()) {
      min.put(m.group(1) + "." + m.group(2), Integer.parseInt(m.group(3)));
    }
    assertEquals(34, min.size(), min::toString);
    // B1 aquaculture: 1 technology, ≥1 variety, 1 hatchery spec, ≥2 bases, ≥30 trained
    assertEquals(1, min.get("b1_aqua.SALINE_TECH"));
    assertEquals(1, min.get("b1_aqua.AQUA_VARIETY"));
    assertEquals(1, min.get("b1_aqua.HATCHERY_SPEC"));
    assertEquals(2, min.get("b1_aqua.DEMO_BASE"));
    assertEquals(30, min.get("b1_aqua.TRAINED"));
    assertEquals(30, min.get("b1_agri.TRAINED"));
    assertEquals(1, min.get("b1_ind.PILOT_LINE"));
    assertEquals(1, min.get("b1_ind.INDUSTRY_STANDARD"));
    assertEquals(20, min.get("b1_med.MEDICAL_TRAINED"));
    assertEquals(30, min.get("b2_agri.TRAINED"));
    assertEquals(1, min.get("b2_agri.PROCESSING"));
    assertEquals(1, min.get("b3_energy.NEW_TECH"));
    assertEquals(30, min.get("b3_agri.TRAINED"));
    assertEquals(20, min.get("b4_res.TRAINED"));
    assertEquals(10, min.get("b4_med.MEDICAL_TRAINED"));
    assertEquals(1, min.get("b4_med.STANDARD"));
  }

  private static int count(String needle) {
    int n = 0;
    for (int i = sql.indexOf(needle); i >= 0; i = sql.indexOf(needle, i + 1)) {
      n++;
    }
    return n;
  }
}
