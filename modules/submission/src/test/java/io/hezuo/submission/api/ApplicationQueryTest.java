package io.hezuo.submission.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ApplicationQueryTest {

  @Test
  void blankCriteriaAreLeftOutAndTheSortDefaultsToTheNewest() {
    ApplicationQuery q = new ApplicationQuery(1L, " ", "", null, null, "  ", 0, 20, null, false);
    assertNull(q.lineCode());
    assertNull(q.status());
    assertNull(q.text());
    assertEquals(ApplicationQuery.Sort.ID, q.sort());
    assertEquals("B2", q.withLine(" B2 ").lineCode());
    assertEquals(3, q.withPage(3, 50).page());
  }

  @Test
  void pagingIsBounded() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new ApplicationQuery(1L, null, null, null, null, null, -1, 20, null, false));
    assertThrows(
        IllegalArgumentException.class,
        () -> ApplicationQuery.ofCall(1L).withPage(0, ApplicationQuery.MAX_SIZE + 1));
    assertThrows(IllegalArgumentException.class, () -> ApplicationQuery.ofCall(1L).withPage(0, 0));
  }
}
