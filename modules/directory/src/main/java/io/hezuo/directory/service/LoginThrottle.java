package io.hezuo.directory.service;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

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
 *   <li>at most {@link #concurrentHashes()} hashes at a time on the whole server, so that many
 *       sources together still cannot take every core. The others queue (fairly) for their turn: a
 *       burst of sign-ins at the deadline is served in order, not refused. An attempt is turned
 *       away ("busy", with the seconds after which to try again) only when the queue in front of it
 *       would take more than {@link #MAX_WAIT}; that is decided before the account is looked up, so
 *       it says nothing about whether a name exists.
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

  /**
   * The longest wait in the queue of hashes that an attempt is let into: about 100 sign-ins on one
   * core at 200 ms each (far below the HTTP thread pool and the load balancer's timeout).
   */
  public static final Duration MAX_WAIT = Duration.ofSeconds(20);

  /**
   * The most sign-ins in the queue at once, whatever their hashes cost: each waits on one of the
   * server's 400 HTTP threads ({@code --maxhttpthreads}), and the others must stay free for the
   * rest of the traffic.
   */
  public static final int MAX_QUEUED = 250;

  private static final int MAX_ENTRIES = 20_000;

  /** What was taken for one attempt, to give back when it succeeds. */
  public record Permit(Bucket source, Bucket account) {}

  private final Map<String, Bucket> sources = new ConcurrentHashMap<>();
  private final Map<String, Bucket> names = new ConcurrentHashMap<>();
  private final Map<String, Bucket> devices = new ConcurrentHashMap<>();
  private final Semaphore hashing = new Semaphore(concurrentHashes(), true);
  private final AtomicInteger queued = new AtomicInteger();
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
    // the source's bucket is only looked at here and paid by a failure (failed): many people
    // behind one address (a university's NAT, the load balancer) signing in at once are not
    // refused for being many, only for failing; a burst of failures in flight together is paid
    // afterwards as a longer wait (the bucket goes into debt)
    Bucket s = sources.computeIfAbsent(address == null ? "?" : address, k -> sourceBucket());
    if (s.getAvailableTokens() < 1) {
      return null;
    }
    Bucket n = names.computeIfAbsent(key(name), k -> nameBucket());
    if (!n.tryConsume(1)) {
      return null;
    }
    return new Permit(s, n);
  }

  /** A successful attempt (or one not judged: busy) does not count. */
  public void succeeded(Permit p) {
    if (p.account() != null) {
      p.account().addTokens(1);
    }
  }

  /** A failed attempt counts against its source (the name's token is already taken). */
  public void failed(Permit p) {
    if (p.source() != null) {
      p.source().consumeIgnoringRateLimits(1);
    }
  }

  /** An administrator unlocked the account: its name may be tried again at once. */
  public void forgive(String name) {
    names.remove(key(name));
  }

  /**
   * A place in the queue of hashes, taken before the account is looked up and given back by {@link
   * #close()}.
   */
  public final class Turn implements AutoCloseable {
    private boolean closed;

    private Turn() {}

    /**
     * Runs the hash at this place's turn; false (and nothing run) when the turn did not come within
     * {@link #MAX_WAIT} (the server is far slower than its hashes usually are).
     */
    public boolean hash(Runnable work) {
      try {
        if (!hashing.tryAcquire(MAX_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
          return false;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
      long start = System.nanoTime();
      try {
        work.run();
        return true;
      } finally {
        hashing.release();
        learn(System.nanoTime() - start);
      }
    }

    @Override
    public void close() {
      if (!closed) {
        closed = true;
        queued.decrementAndGet();
      }
    }
  }

  /**
   * A place in the queue of hashes, or null when the attempts already queued would keep this one
   * waiting more than {@link #MAX_WAIT} (each takes about {@code hashNanos}) or are {@link
   * #MAX_QUEUED} already.
   */
  public Turn enter(long hashNanos) {
    hashNanos = measured(hashNanos);
    int ahead = queued.incrementAndGet() - 1;
    if (ahead >= MAX_QUEUED || expectedWaitNanos(ahead, hashNanos) > MAX_WAIT.toNanos()) {
      queued.decrementAndGet();
      return null;
    }
    return new Turn();
  }

  /** After how many seconds a turned-away attempt may expect a place: the queue's length. */
  public int retryAfterSeconds(long hashNanos) {
    hashNanos = measured(hashNanos);
    // by then the queue in front is short enough again (if nobody else came meanwhile)
    long nanos = expectedWaitNanos(queued.get(), hashNanos) - MAX_WAIT.toNanos();
    return (int) Math.max(2, Math.min(60, TimeUnit.NANOSECONDS.toSeconds(nanos) + 2));
  }

  /** The running average of a hash's own time (without the wait for its turn); -1 before one. */
  private volatile long hashNanos = -1;

  private void learn(long nanos) {
    long h = hashNanos;
    hashNanos = h < 0 ? nanos : (h * 7 + nanos) / 8;
  }

  /** The measured time of a hash, or the caller's estimate before the first. */
  private long measured(long estimate) {
    long h = hashNanos;
    return h < 0 ? estimate : h;
  }

  /** How many attempts are queued or hashing now. */
  int queued() {
    return queued.get();
  }

  private static long expectedWaitNanos(int ahead, long hashNanos) {
    // the ones already hashing take their turn first: a newcomer waits for the ahead ones
    // beyond the free turns, each group of concurrentHashes() for one hash's time
    int waiting = Math.max(0, ahead - concurrentHashes() + 1);
    return (long) Math.ceil((double) waiting / concurrentHashes()) * Math.max(1, hashNanos);
  }

  /** Runs a hash in the queue: false (and nothing run) when turned away or the turn never came. */
  public boolean hash(long hashNanos, Runnable work) {
    Turn t = enter(hashNanos);
    if (t == null) {
      return false;
    }
    try (t) {
      return t.hash(work);
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
