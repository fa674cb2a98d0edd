package io.hezuo.web.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RequestIdsTest {

  @Test
  void aLoadBalancersIdIsKept() {
    assertEquals(
        "7F000001AD081F9A6B0E04BE00052AC1", RequestIds.idOf("7F000001AD081F9A6B0E04BE00052AC1"));
  }

  @Test
  void withoutAnIdOrWithOneThatCouldForgeALogLineANewOneIsMade() {
    for (String bad :
        new String[] {null, "", "a b", "x\nrequest rid=forged status=200", "é", "x".repeat(65)}) {
      String id = RequestIds.idOf(bad);
      assertNotEquals(bad, id);
      assertTrue(id.matches("[0-9a-f]{16}"), id);
    }
    assertNotEquals(RequestIds.idOf(null), RequestIds.idOf(null));
  }
}
