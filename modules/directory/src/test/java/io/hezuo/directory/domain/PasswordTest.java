package io.hezuo.directory.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordTest {

  @Test
  void policyOfGradedProtectionLevelThree() {
    assertTrue(PasswordPolicy.check("Demo@2026", "someone", "p").isEmpty());
    assertTrue(PasswordPolicy.check("demo@2026", "someone", "p").isEmpty()); // 3 classes
    assertEquals(
        "directory.password.tooShort",
        PasswordPolicy.check("De@2026", "x", "p").orElseThrow().messageKey());
    assertEquals(
        "directory.password.classes",
        PasswordPolicy.check("demodemo2026", "x", "p").orElseThrow().messageKey());
    assertEquals(
        "directory.password.containsUser",
        PasswordPolicy.check("Zhang#2026x", "zhang", "p").orElseThrow().messageKey());
    assertEquals("F-PWD", PasswordPolicy.check(null, "x", "p").orElseThrow().ruleId());
  }

  @Test
  void pbkdf2HashesVerifyAndAreSalted() {
    String h1 = PasswordHasher.hash("Demo@2026");
    String h2 = PasswordHasher.hash("Demo@2026");
    assertNotEquals(h1, h2);
    assertTrue(h1.startsWith("pbkdf2-sha256$600000$"));
    assertTrue(PasswordHasher.verify("Demo@2026", h1));
    assertFalse(PasswordHasher.verify("Demo@2027", h1));
    assertFalse(PasswordHasher.verify("Demo@2026", "garbage"));
    assertFalse(PasswordHasher.needsRehash(h1));
    assertTrue(PasswordHasher.needsRehash("pbkdf2-sha256$1000$AA==$AA=="));
  }

  @Test
  void demoDataHashIsAValidHashOfTheDemoPassword() {
    assertTrue(
        PasswordHasher.verify(
            "Demo@2026",
            "pbkdf2-sha256$600000$aGV6dW8tZGVtby1zYWx0IQ==$k7pVWPWiXUlvKb9ZkW1t+PLS0EdZ1acySU67kO3j4oc="));
  }
}
