package io.hezuo.call.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hezuo.call.api.CallView;
import io.hezuo.call.api.Text;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogueSnapshotTest {

  private static CallView call(long version) {
    Instant t = Instant.parse("2025-09-01T00:00:00Z");
    return new CallView(
        7,
        "2026",
        2026,
        new Text("标题", "Title"),
        new Text("发布", "Issuer"),
        LocalDate.of(2025, 8, 1),
        t,
        t.plusSeconds(86400),
        t.plusSeconds(2 * 86400),
        version,
        List.of());
  }

  @Test
  void theEtagNamesTheStampAndTheContent() {
    CatalogueSnapshot a = CatalogueSnapshot.of(12, call(3), "{\"a\":1}");
    CatalogueSnapshot sameContentNewStamp = CatalogueSnapshot.of(13, call(3), "{\"a\":1}");
    CatalogueSnapshot sameStampNewContent = CatalogueSnapshot.of(12, call(3), "{\"a\":2}");
    assertTrue(a.etag().matches("\"v12-[0-9a-f]{16}\""), a.etag());
    assertNotEquals(a.etag(), sameContentNewStamp.etag());
    assertNotEquals(a.etag(), sameStampNewContent.etag());
    assertEquals(a.etag(), CatalogueSnapshot.of(12, call(3), "{\"a\":1}").etag());
    assertEquals(7, a.callId());
  }

  @Test
  void ifNoneMatchIsComparedWeaklyInAListOrAsStar() {
    CatalogueSnapshot s = CatalogueSnapshot.of(12, call(3), "{}");
    assertTrue(s.matches(s.etag()));
    assertTrue(s.matches("W/" + s.etag()));
    assertTrue(s.matches("\"other\", " + s.etag()));
    assertTrue(s.matches("*"));
    assertFalse(s.matches(null));
    assertFalse(s.matches("\"v11-0000000000000000\""));
    assertFalse(s.matches(s.etag().replace("\"", "")));
  }

  @Test
  void theJsonCannotBeChangedThroughTheSnapshot() throws IOException {
    CatalogueSnapshot s = CatalogueSnapshot.of(1, call(1), "{\"x\":\"中\"}");
    s.json()[0] = 'X';
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    s.writeJson(out);
    assertEquals("{\"x\":\"中\"}", out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void noPublishedCallHasNoEtagAndMatchesNothing() {
    CatalogueSnapshot none = CatalogueSnapshot.none(-1);
    assertNull(none.call());
    assertNull(none.etag());
    assertFalse(none.matches("*"));
  }
}
