package io.hezuo.kernel.mail;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Delivers the outbox after the commit: kicked (asynchronously) when a transaction that queued a
 * message committed, so a message normally leaves within a second, and every 15 seconds by a timer
 * for retries that came due. Each run claims due rows in batches ({@link OutboxStore#claim}: safe
 * with several nodes), sends each outside any transaction, and records the result. A failure is
 * logged in one line (no stack trace) and retried later ({@link Backoff}); it never reaches the
 * code that queued the message.
 *
 * <p>To spare the database, a timer tick looks only when a row is known to be due (this node's last
 * run saw it), something was queued, or the last look is two minutes old (rows queued on another
 * node, leases of a node that died).
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionManagement(TransactionManagementType.BEAN)
public class MailSender {

  private static final Logger LOG = Logger.getLogger(MailSender.class.getName());

  static final int BATCH = 20;
  static final Duration LEASE = Duration.ofMinutes(5);
  static final long SWEEP_NANOS = TimeUnit.MINUTES.toNanos(2);

  @Inject OutboxStore store;
  @Inject Clock clock;

  private MailTransport transport;

  private final AtomicBoolean running = new AtomicBoolean();
  private final AtomicBoolean again = new AtomicBoolean();
  private volatile boolean queued = true;
  private volatile Instant nextDue;
  private volatile long lastLook = System.nanoTime() - SWEEP_NANOS;

  @PostConstruct
  void start() {
    // a wrong setting (a port that is no number, a sender that is no address) stops the start-up
    MailSettings settings = MailSettings.fromEnvironment();
    transport = new MailTransport(settings);
    LOG.info(settings.describe());
  }

  /** Something was queued and committed: deliver now, in the background. */
  @Asynchronous
  public void kick() {
    queued = true;
    deliverDue();
  }

  @Schedule(second = "*/15", minute = "*", hour = "*", persistent = false)
  void tick() {
    Instant due = nextDue;
    if (queued
        || (due != null && !due.isAfter(clock.instant()))
        || System.nanoTime() - lastLook >= SWEEP_NANOS) {
      deliverDue();
    }
  }

  /**
   * Sends every due message; returns at once when a run is already going on here (that run goes
   * round once more).
   */
  public void deliverDue() {
    if (!running.compareAndSet(false, true)) {
      again.set(true);
      return;
    }
    try {
      do {
        again.set(false);
        queued = false;
        lastLook = System.nanoTime();
        deliverBatches();
      } while (again.get());
    } catch (RuntimeException e) {
      // the database is away, say: the timer tries again
      queued = true;
      LOG.warning("e-mail delivery paused: " + describe(e));
    } finally {
      running.set(false);
    }
  }

  private void deliverBatches() {
    List<OutboxStore.Claimed> batch;
    do {
      batch = store.claim(clock.instant(), LEASE, BATCH);
      for (OutboxStore.Claimed m : batch) {
        deliver(m);
      }
    } while (batch.size() == BATCH);
    nextDue = store.earliestPending().orElse(null);
  }

  private void deliver(OutboxStore.Claimed m) {
    try {
      transport.send(m, clock.instant());
    } catch (Exception e) {
      String error = describe(e);
      Optional<Instant> next = store.failed(m, clock.instant(), error);
      LOG.log(
          next.isPresent() ? Level.WARNING : Level.SEVERE,
          () ->
              "e-mail "
                  + m.id()
                  + " ("
                  + m.entityType()
                  + " "
                  + m.entityId()
                  + ") not sent, attempt "
                  + (m.attempts() + 1)
                  + ": "
                  + error
                  + next.map(t -> "; next attempt at " + t).orElse("; given up"));
      return;
    }
    store.sent(m, clock.instant());
  }

  /** An exception and its causes in one line, without the stack trace. */
  static String describe(Throwable e) {
    StringBuilder s = new StringBuilder();
    int depth = 0;
    for (Throwable t = e; t != null && depth < 4; t = t.getCause(), depth++) {
      if (depth > 0) {
        s.append(" <- ");
      }
      s.append(t.getClass().getSimpleName());
      if (t.getMessage() != null) {
        s.append(": ").append(t.getMessage().strip());
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return OutboxMail.truncate(s.toString());
  }
}
