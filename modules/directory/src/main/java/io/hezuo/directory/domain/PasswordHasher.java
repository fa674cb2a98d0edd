package io.hezuo.directory.domain;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * PBKDF2-HMAC-SHA256 at OWASP's current recommendation (600,000 iterations), a 16-byte random salt
 * and a 32-byte key, stored as {@code pbkdf2-sha256$iterations$salt$hash} (Base64).
 */
public final class PasswordHasher {

  public static final int ITERATIONS = 600_000;
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

  /** Whether the stored hash should be replaced at the next login (fewer iterations). */
  public static boolean needsRehash(String stored) {
    String[] parts = stored == null ? new String[0] : stored.split("\\$");
    return parts.length != 4 || Integer.parseInt(parts[1]) < ITERATIONS;
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
