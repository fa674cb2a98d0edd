package io.hezuo.directory.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordTest {

  @Test
  void policyOfGradedProtectionLevelThree() {
    assertTrue(PasswordPolicy.check("Tiger#Lake42", "someone", "p").isEmpty());
    assertTrue(PasswordPolicy.check("tiger#lake42", "someone", "p").isEmpty()); // 3 classes
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
    assertTrue(h1.startsWith("pbkdf2-sha256$100000$"));
    assertTrue(PasswordHasher.verify("Demo@2026", h1));
    assertFalse(PasswordHasher.verify("Demo@2027", h1));
    assertFalse(PasswordHasher.verify("Demo@2026", "garbage"));
    assertFalse(PasswordHasher.needsRehash(h1));
    assertTrue(PasswordHasher.needsRehash("pbkdf2-sha256$1000$AA==$AA=="));
    // the former cost (600,000 iterations, 0.7-1.4 s here) is replaced at the next login too
    assertTrue(PasswordHasher.needsRehash("pbkdf2-sha256$600000$AA==$AA=="));
    assertTrue(PasswordHasher.needsRehash("md5$1$2$3"));
  }

  @Test
  void commonAndBreachedPasswordsAreRefusedThoughTheyMeetTheClasses() {
    for (String weak :
        new String[] {"Password1", "P@ssw0rd!", "Abcd1234!", "Qwerty123!", "Demo@2026"}) {
      assertEquals(
          "directory.password.weak",
          PasswordPolicy.check(weak, "someone", "p").map(v -> v.messageKey()).orElse("accepted"),
          weak);
    }
    // the person's own name counts as a guessable word
    assertTrue(PasswordPolicy.check("Zhangwei#88", "someone", null, "p").isEmpty());
    assertEquals(
        "directory.password.weak",
        PasswordPolicy.check("Zhangwei#88", "someone", "zhangwei", "p").orElseThrow().messageKey());
  }

  @Test
  void hashingCostsAtMostTheBudgetOnThisMachine() {
    PasswordHasher.hash("warm-up#1A");
    long best = Long.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      long t = System.nanoTime();
      PasswordHasher.verify("Tiger#Lake42", PasswordHasher.hash("Tiger#Lake42"));
      best = Math.min(best, (System.nanoTime() - t) / 2);
    }
    assertTrue(best < 250_000_000L, "one hash took " + best / 1_000_000 + " ms");
  }

  @Test
  void oneTimePasswordsMeetThePolicyAndDiffer() {
    String a = PasswordHasher.oneTimePassword();
    String b = PasswordHasher.oneTimePassword();
    assertNotEquals(a, b);
    for (int i = 0; i < 20; i++) {
      String p = PasswordHasher.oneTimePassword();
      assertTrue(PasswordPolicy.check(p, "someone", "p").isEmpty(), p);
    }
  }

  @Test
  void demoDataHashIsAValidHashOfTheDemoPassword() {
    assertTrue(
        PasswordHasher.verify(
            "Demo@2026",
            "pbkdf2-sha256$600000$aGV6dW8tZGVtby1zYWx0IQ==$k7pVWPWiXUlvKb9ZkW1t+PLS0EdZ1acySU67kO3j4oc="));
  }
}
