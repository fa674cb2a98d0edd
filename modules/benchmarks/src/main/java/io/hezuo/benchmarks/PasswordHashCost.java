package io.hezuo.benchmarks;

import io.hezuo.directory.domain.PasswordHasher;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Measures PBKDF2-HMAC-SHA256 on this machine at several iteration counts (median of 7 after a
 * warm-up), and the cost the application uses now ({@link PasswordHasher#ITERATIONS}), to choose a
 * count whose hash stays within 250 ms.
 *
 * <pre>
 * java -cp ... io.hezuo.benchmarks.PasswordHashCost [ITERATIONS...]
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
      System.out.printf("%,9d iterations: %4d ms (median of 7)%n", n, median(n));
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

  private static long median(int iterations) throws GeneralSecurityException {
    long[] ms = new long[7];
    for (int i = 0; i < ms.length; i++) {
      long t = System.nanoTime();
      derive(iterations);
      ms[i] = (System.nanoTime() - t) / 1_000_000;
    }
    Arrays.sort(ms);
    return ms[ms.length / 2];
  }

  private static void derive(int iterations) throws GeneralSecurityException {
    SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
        .generateSecret(new PBEKeySpec("Demo@2026".toCharArray(), new byte[16], iterations, 256));
  }
}
