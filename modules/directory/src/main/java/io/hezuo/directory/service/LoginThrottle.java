package io.hezuo.directory.service;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Token buckets (Bucket4j) taken before any password hash is computed, so that wrong credentials
 * cannot be used to exhaust the CPU (each hash costs about 200 ms of CPU):
 *
 * <ul>
 *   <li>per source address: {@link #SOURCE_CAPACITY} attempts, then one every {@link
 *       #SOURCE_REFILL} / {@link #SOURCE_CAPACITY};
 *   <li>per account name, existing or not (an unknown name is throttled exactly like a known one):
 *       {@link #NAME_CAPACITY} attempts per {@link #NAME_REFILL}, like the account lock;
 *   <li>per device: a browser the owner signed in from before (a valid device cookie) has a bucket
 *       of its own instead of the name's and the source's, so a stranger's failures do not keep the
 *       owner out (OWASP's device cookies);
 *   <li>at most {@link #concurrentHashes()} hashes at a time on the whole server; an attempt that
 *       cannot get a turn within {@link #HASH_WAIT} is refused, so that many sources together still
 *       cannot take every core.
 * </ul>
 *
 * A successful attempt gives its tokens back: only failures count. Buckets live in memory (one
 * server); a bucket that is full again is dropped when the maps grow.
 */
public class LoginThrottle {

  public static final int SOURCE_CAPACITY = 50;
  public static final Duration SOURCE_REFILL = Duration.ofMinutes(10);
  public static final int NAME_CAPACITY = 5;
  public static final Duration NAME_REFILL = Duration.ofMinutes(15);
  public static final Duration HASH_WAIT = Duration.ofSeconds(2);
  private static final int MAX_ENTRIES = 20_000;

  /** What was taken for one attempt, to give back when it succeeds. */
  public record Permit(Bucket source, Bucket account) {}

  private final Map<String, Bucket> sources = new ConcurrentHashMap<>();
  private final Map<String, Bucket> names = new ConcurrentHashMap<>();
  private final Map<String, Bucket> devices = new ConcurrentHashMap<>();
  private final Semaphore hashing = new Semaphore(concurrentHashes(), true);
  private final TimeMeter time;

  public LoginThrottle() {
    this(TimeMeter.SYSTEM_NANOTIME);
  }

  /** With a clock of the test's choosing. */
  LoginThrottle(TimeMeter time) {
    this.time = time;
  }

  /** How many hashes may run at once: one core is always left for everything else. */
  static int concurrentHashes() {
    return Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
  }

  /**
   * Takes one token from the source's and the account name's buckets (or from the device's only,
   * when {@code device} names a trusted device of this account); null when one of them is empty.
   */
  public Permit acquire(String address, String name, String device) {
    cleanUp();
    if (device != null) {
      Bucket d = devices.computeIfAbsent(device, k -> nameBucket());
      return d.tryConsume(1) ? new Permit(null, d) : null;
    }
    Bucket s = sources.computeIfAbsent(address == null ? "?" : address, k -> sourceBucket());
    if (!s.tryConsume(1)) {
      return null;
    }
    Bucket n = names.computeIfAbsent(key(name), k -> nameBucket());
    if (!n.tryConsume(1)) {
      s.addTokens(1);
      return null;
    }
    return new Permit(s, n);
  }

  /** A successful attempt does not count. */
  public void succeeded(Permit p) {
    if (p.source() != null) {
      p.source().addTokens(1);
    }
    if (p.account() != null) {
      p.account().addTokens(1);
    }
  }

  /** An administrator unlocked the account: its name may be tried again at once. */
  public void forgive(String name) {
    names.remove(key(name));
  }

  /**
   * Runs a hash when a turn is free within {@link #HASH_WAIT}; returns false (and runs nothing)
   * otherwise.
   */
  public boolean hash(Runnable work) {
    try {
      if (!hashing.tryAcquire(HASH_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
        return false;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
    try {
      work.run();
      return true;
    } finally {
      hashing.release();
    }
  }

  static String key(String name) {
    return name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
  }

  private Bucket sourceBucket() {
    return Bucket.builder()
        .addLimit(l -> l.capacity(SOURCE_CAPACITY).refillGreedy(SOURCE_CAPACITY, SOURCE_REFILL))
        .withCustomTimePrecision(time)
        .build();
  }

  private Bucket nameBucket() {
    return Bucket.builder()
        .addLimit(l -> l.capacity(NAME_CAPACITY).refillIntervally(NAME_CAPACITY, NAME_REFILL))
        .withCustomTimePrecision(time)
        .build();
  }

  private void cleanUp() {
    for (Map<String, Bucket> m : java.util.List.of(sources, names, devices)) {
      if (m.size() > MAX_ENTRIES) {
        m.values()
            .removeIf(
                b ->
                    b.getAvailableTokens()
                        >= (m == sources ? SOURCE_CAPACITY : (long) NAME_CAPACITY));
      }
    }
  }
}
