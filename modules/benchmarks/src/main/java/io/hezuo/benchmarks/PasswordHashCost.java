package io.hezuo.benchmarks;

import io.hezuo.directory.domain.PasswordHasher;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Measures PBKDF2-HMAC-SHA256 on this machine at several iteration counts (median of 7 after a
 * warm-up, elapsed and CPU time), and the cost the application uses now ({@link
 * PasswordHasher#ITERATIONS}), to choose a count whose hash stays within 250 ms. Run it with the
 * server's JIT flags (the launcher starts Payara Micro with C1 only, which makes PBKDF2 several
 * times slower than with C2).
 *
 * <pre>
 * java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp ... io.hezuo.benchmarks.PasswordHashCost [ITERATIONS...]
 * </pre>
 */
public final class PasswordHashCost {

  private PasswordHashCost() {}

  public static void main(String[] args) throws Exception {
    int[] counts =
        args.length == 0
            ? new int[] {100_000, 150_000, 200_000, 300_000, 600_000}
            : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
    System.out.printf(
        "cores %d, java %s%n",
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
    derive(50_000);
    derive(50_000);
    for (int n : counts) {
      long[] m = median(n);
      System.out.printf(
          "%,9d iterations: %4d ms elapsed, %4d ms CPU (medians of 7)%n", n, m[0], m[1]);
    }
    long t = System.nanoTime();
    String h = PasswordHasher.hash("Tiger#Lake42");
    long hash = (System.nanoTime() - t) / 1_000_000;
    t = System.nanoTime();
    PasswordHasher.verify("Tiger#Lake42", h);
    long verify = (System.nanoTime() - t) / 1_000_000;
    System.out.printf(
        "PasswordHasher (%,d iterations): hash %d ms, verify %d ms%n",
        PasswordHasher.ITERATIONS, hash, verify);
  }

  /**
   * Median elapsed and CPU time of this thread (CPU time does not count the waits for a core that
   * other processes hold, so it is the hash's own cost even on a busy machine).
   */
  private static long[] median(int iterations) throws GeneralSecurityException {
    java.lang.management.ThreadMXBean threads =
        java.lang.management.ManagementFactory.getThreadMXBean();
    long[] ms = new long[7];
    long[] cpu = new long[7];
    for (int i = 0; i < ms.length; i++) {
      long t = System.nanoTime();
      long c = threads.getCurrentThreadCpuTime();
      derive(iterations);
      cpu[i] = (threads.getCurrentThreadCpuTime() - c) / 1_000_000;
      ms[i] = (System.nanoTime() - t) / 1_000_000;
    }
    Arrays.sort(ms);
    Arrays.sort(cpu);
    return new long[] {ms[ms.length / 2], cpu[cpu.length / 2]};
  }

  private static void derive(int iterations) throws GeneralSecurityException {
    SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
        .generateSecret(new PBEKeySpec("Demo@2026".toCharArray(), new byte[16], iterations, 256));
  }
}
