package io.hezuo.directory.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

  /** A clock the test moves. */
  static final class Ticks implements TimeMeter {
    final AtomicLong nanos = new AtomicLong(1);

    @Override
    public long currentTimeNanos() {
      return nanos.get();
    }

    @Override
    public boolean isWallClockBased() {
      return false;
    }

    void advance(Duration d) {
      nanos.addAndGet(d.toNanos());
    }
  }

  @Test
  void anUnknownNameIsThrottledExactlyLikeAKnownOne() {
    Ticks t = new Ticks();
    LoginThrottle th = new LoginThrottle(t);
    for (String name : new String[] {"demo_pi", "no_such_user"}) {
      for (int i = 0; i < LoginThrottle.NAME_CAPACITY; i++) {
        assertNotNull(th.acquire("10.0.0." + i, name, null), name + " " + i);
      }
      // the sixth, from yet another address, is refused before any hash
      assertNull(th.acquire("10.0.0.99", name, null), name);
      // names are compared without case and surrounding blanks
      assertNull(th.acquire("10.0.0.98", " " + name.toUpperCase() + " ", null), name);
    }
    t.advance(LoginThrottle.NAME_REFILL);
    assertNotNull(th.acquire("10.0.0.99", "no_such_user", null));
  }

  @Test
  void oneSourceIsThrottledAcrossNames() {
    Ticks t = new Ticks();
    LoginThrottle th = new LoginThrottle(t);
    for (int i = 0; i < LoginThrottle.SOURCE_CAPACITY; i++) {
      th.failed(th.acquire("192.0.2.1", "user" + i, null));
    }
    assertNull(th.acquire("192.0.2.1", "fresh_name", null));
    // another source is not affected, and the refused attempt did not use the name's token
    assertNotNull(th.acquire("192.0.2.2", "fresh_name", null));
    // the source refills slowly: one attempt per SOURCE_REFILL / SOURCE_CAPACITY
    t.advance(LoginThrottle.SOURCE_REFILL.dividedBy(LoginThrottle.SOURCE_CAPACITY));
    th.failed(th.acquire("192.0.2.1", "fresh_name2", null));
    assertNull(th.acquire("192.0.2.1", "fresh_name3", null));
  }

  @Test
  void manySignInsFromOneAddressAtOnceAreNotRefusedForBeingMany() {
    LoginThrottle th = new LoginThrottle(new Ticks());
    // 200 people behind one address, all in flight together: none refused by the source
    List<LoginThrottle.Permit> inFlight = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      LoginThrottle.Permit p = th.acquire("192.0.2.7", "person" + i, null);
      assertNotNull(p, "attempt " + i);
      inFlight.add(p);
    }
    // failures in flight together are all paid for: the source is then refused for longer
    inFlight.forEach(th::failed);
    assertNull(th.acquire("192.0.2.7", "person_x", null));
  }

  @Test
  void successesDoNotCount() {
    LoginThrottle th = new LoginThrottle(new Ticks());
    for (int i = 0; i < 100; i++) {
      LoginThrottle.Permit p = th.acquire("192.0.2.1", "demo_pi", null);
      assertNotNull(p, "attempt " + i);
      th.succeeded(p);
    }
  }

  @Test
  void aStrangersFailuresDoNotThrottleTheOwnersDevice() {
    LoginThrottle th = new LoginThrottle(new Ticks());
    for (int i = 0; i < 60; i++) {
      th.acquire("203.0.113.7", "demo_pi", null);
    }
    assertNull(th.acquire("198.51.100.1", "demo_pi", null));
    // the owner's browser, with its device token, has a bucket of its own
    for (int i = 0; i < LoginThrottle.NAME_CAPACITY; i++) {
      assertNotNull(th.acquire("198.51.100.1", "demo_pi", "device-token-of-owner"));
    }
    // and a device's own failures are limited too
    assertNull(th.acquire("198.51.100.1", "demo_pi", "device-token-of-owner"));
  }

  @Test
  void anAdministratorsUnlockForgivesTheName() {
    LoginThrottle th = new LoginThrottle(new Ticks());
    for (int i = 0; i < LoginThrottle.NAME_CAPACITY; i++) {
      th.acquire("10.1.1." + i, "it_lock", null);
    }
    assertNull(th.acquire("10.1.1.50", "it_lock", null));
    th.forgive("IT_LOCK");
    assertNotNull(th.acquire("10.1.1.50", "it_lock", null));
  }

  @Test
  void hashesRunFewAtATimeAndTheOthersWaitTheirTurn() throws Exception {
    LoginThrottle th = new LoginThrottle(new Ticks());
    int n = LoginThrottle.concurrentHashes();
    AtomicLong ran = new AtomicLong();
    java.util.concurrent.atomic.AtomicBoolean done =
        new java.util.concurrent.atomic.AtomicBoolean();
    Thread waiter;
    try (HashesHeld held = new HashesHeld(th)) {
      // one more queues (it is not refused) and runs only once a turn is free
      waiter = new Thread(() -> done.set(th.hash(1_000_000L, ran::incrementAndGet)));
      waiter.start();
      Awaitility.await()
          .atMost(Duration.ofSeconds(5))
          .until(() -> th.queued() == n + 1 && HashesHeld.waiting(waiter));
      assertEquals(0, ran.get());
    }
    waiter.join(5_000);
    assertTrue(done.get());
    assertEquals(1, ran.get());
    assertEquals(0, th.queued());
  }

  @Test
  void cheapHashesStillQueueNoMoreThanTheThreadsAllow() {
    LoginThrottle th = new LoginThrottle(new Ticks());
    List<LoginThrottle.Turn> in = new ArrayList<>();
    LoginThrottle.Turn t;
    while ((t = th.enter(1_000L)) != null) {
      in.add(t);
    }
    assertEquals(LoginThrottle.MAX_QUEUED, in.size());
    in.forEach(LoginThrottle.Turn::close);
  }

  @Test
  void aQueueLongerThanTheLongestWaitTurnsTheNextAwayAtOnce() {
    LoginThrottle th = new LoginThrottle(new Ticks());
    long second = 1_000_000_000L;
    // hashes of one second each: the queue admits MAX_WAIT's worth of them per turn, no more
    List<LoginThrottle.Turn> in = new ArrayList<>();
    LoginThrottle.Turn t;
    while ((t = th.enter(second)) != null) {
      in.add(t);
      assertTrue(in.size() < 1_000, "the queue has no end");
    }
    long max = LoginThrottle.MAX_WAIT.toSeconds();
    int n = LoginThrottle.concurrentHashes();
    assertTrue(in.size() >= max * n && in.size() <= (max + 1) * n + n, "admitted " + in.size());
    int after = th.retryAfterSeconds(second);
    assertTrue(after >= 2 && after <= 60, "retry after " + after);
    // a place given back is a place for the next one
    in.remove(0).close();
    LoginThrottle.Turn next = th.enter(second);
    assertNotNull(next);
    next.close();
    in.forEach(LoginThrottle.Turn::close);
    assertEquals(0, th.queued());
  }

  @Test
  void deviceTokensNameTheirAccountAndExpire() {
    DeviceTokens d = new DeviceTokens();
    Instant now = Instant.parse("2026-01-01T00:00:00Z");
    String t = d.issue("Demo_PI", now);
    assertTrue(d.valid(t, "demo_pi", now.plusSeconds(60)));
    assertFalse(d.valid(t, "demo_unit", now));
    assertFalse(d.valid(t, "demo_pi", now.plus(DeviceTokens.VALIDITY)));
    assertFalse(d.valid(t.substring(0, t.length() - 2) + "AA", "demo_pi", now));
    assertFalse(new DeviceTokens().valid(t, "demo_pi", now), "another server key");
    assertFalse(d.valid("garbage", "demo_pi", now));
    assertFalse(d.valid(null, "demo_pi", now));
  }
}
