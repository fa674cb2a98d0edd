package io.hezuo.directory.service;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Every turn among a throttle's password hashes, taken by threads that keep it until {@link
 * #close()}: a server busy hashing, for the tests of what waits behind it.
 */
final class HashesHeld implements AutoCloseable {

  private final CountDownLatch release = new CountDownLatch(1);
  private final List<Thread> threads = new ArrayList<>();

  HashesHeld(LoginThrottle throttle) throws InterruptedException {
    int n = LoginThrottle.concurrentHashes();
    CountDownLatch inside = new CountDownLatch(n);
    for (int i = 0; i < n; i++) {
      Thread t =
          new Thread(
              () ->
                  throttle.hash(
                      1_000_000L,
                      () -> {
                        inside.countDown();
                        try {
                          release.await();
                        } catch (InterruptedException e) {
                          Thread.currentThread().interrupt();
                        }
                      }));
      t.start();
      threads.add(t);
    }
    inside.await();
  }

  /** Whether the thread waits (parked) for a turn: queued, not hashing, not done. */
  static boolean waiting(Thread t) {
    return t.getState() == Thread.State.TIMED_WAITING || t.getState() == Thread.State.WAITING;
  }

  @Override
  public void close() throws InterruptedException {
    release.countDown();
    for (Thread t : threads) {
      t.join();
    }
  }
}
