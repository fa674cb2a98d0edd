package io.hezuo.directory.domain;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * PBKDF2-HMAC-SHA256 with a 16-byte random salt and a 32-byte key, stored as {@code
 * pbkdf2-sha256$iterations$salt$hash} (Base64). The cost was measured on the project's machine (2
 * cores) with the server's JIT flags (C1 only, as the launcher starts Payara Micro) by {@code
 * io.hezuo.benchmarks.PasswordHashCost}: 100,000 iterations cost about 200 ms of CPU, within the
 * 250 ms budget; OWASP's 600,000 cost 1.3 s and made each login attempt a lever to exhaust the CPU.
 * Hashes of another cost are replaced at the next successful login ({@link #needsRehash}). Login
 * attempts are throttled before any hash is computed ({@code LoginAttempts}).
 */
public final class PasswordHasher {

  public static final int ITERATIONS = 100_000;
  private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
  private static final SecureRandom RANDOM = new SecureRandom();

  private PasswordHasher() {}

  public static String hash(String password) {
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    return format(ITERATIONS, salt, derive(password.toCharArray(), salt, ITERATIONS));
  }

  /** Constant-time comparison with a stored hash; false for a malformed one. */
  public static boolean verify(String password, String stored) {
    if (password == null || stored == null) {
      return false;
    }
    String[] parts = stored.split("\\$");
    if (parts.length != 4 || !"pbkdf2-sha256".equals(parts[0])) {
      return false;
    }
    try {
      int iterations = Integer.parseInt(parts[1]);
      byte[] salt = Base64.getDecoder().decode(parts[2]);
      byte[] expected = Base64.getDecoder().decode(parts[3]);
      return MessageDigest.isEqual(expected, derive(password.toCharArray(), salt, iterations));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /**
   * Whether the stored hash should be replaced at the next login: another cost than the one chosen
   * now (more iterations cost too much CPU per attempt, fewer are too weak), or not ours at all.
   */
  public static boolean needsRehash(String stored) {
    String[] parts = stored == null ? new String[0] : stored.split("\\$");
    if (parts.length != 4 || !"pbkdf2-sha256".equals(parts[0])) {
      return true;
    }
    try {
      return Integer.parseInt(parts[1]) != ITERATIONS;
    } catch (NumberFormatException e) {
      return true;
    }
  }

  /**
   * A one-time password for a reset: 14 characters from an alphabet without look-alikes (no 0/O,
   * 1/l/I), with at least one lower case letter, upper case letter, digit and symbol.
   */
  public static String oneTimePassword() {
    String lower = "abcdefghijkmnpqrstuvwxyz";
    String upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    String digits = "23456789";
    String symbols = "#%+-=@";
    String all = lower + upper + digits + symbols;
    char[] out = new char[14];
    out[0] = lower.charAt(RANDOM.nextInt(lower.length()));
    out[1] = upper.charAt(RANDOM.nextInt(upper.length()));
    out[2] = digits.charAt(RANDOM.nextInt(digits.length()));
    out[3] = symbols.charAt(RANDOM.nextInt(symbols.length()));
    for (int i = 4; i < out.length; i++) {
      out[i] = all.charAt(RANDOM.nextInt(all.length()));
    }
    for (int i = out.length - 1; i > 0; i--) {
      int j = RANDOM.nextInt(i + 1);
      char t = out[i];
      out[i] = out[j];
      out[j] = t;
    }
    return new String(out);
  }

  static String format(int iterations, byte[] salt, byte[] hash) {
    Base64.Encoder b64 = Base64.getEncoder();
    return "pbkdf2-sha256$"
        + iterations
        + "$"
        + b64.encodeToString(salt)
        + "$"
        + b64.encodeToString(hash);
  }

  private static byte[] derive(char[] password, byte[] salt, int iterations) {
    try {
      PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, 256);
      return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(ALGORITHM + " is not available", e);
    }
  }
}
