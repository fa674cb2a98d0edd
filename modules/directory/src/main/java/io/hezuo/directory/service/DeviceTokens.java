package io.hezuo.directory.service;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * OWASP's device cookies: after a successful login the browser gets a token naming the account,
 * signed with a server key (HMAC-SHA256), valid {@link #VALIDITY}. Attempts that present a valid
 * token for the account they try are throttled per device and are not refused by the account's
 * lock, so a stranger who locks the account does not keep its owner out. The key is made at start
 * (a restart asks every device to sign in once more like a new one).
 */
public class DeviceTokens {

  public static final Duration VALIDITY = Duration.ofDays(180);
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder B64D = Base64.getUrlDecoder();

  private final byte[] key = new byte[32];
  private final SecureRandom random = new SecureRandom();

  public DeviceTokens() {
    random.nextBytes(key);
  }

  /** A new token for the account name (normalised), valid from now on. */
  public String issue(String name, Instant now) {
    byte[] nonce = new byte[12];
    random.nextBytes(nonce);
    String body =
        B64.encodeToString(LoginThrottle.key(name).getBytes(StandardCharsets.UTF_8))
            + "."
            + now.plus(VALIDITY).getEpochSecond()
            + "."
            + B64.encodeToString(nonce);
    return body + "." + B64.encodeToString(mac(body));
  }

  /** Whether the token was issued here for this account name and is still valid. */
  public boolean valid(String token, String name, Instant now) {
    if (token == null || token.length() > 400) {
      return false;
    }
    int last = token.lastIndexOf('.');
    if (last <= 0) {
      return false;
    }
    String body = token.substring(0, last);
    try {
      if (!MessageDigest.isEqual(mac(body), B64D.decode(token.substring(last + 1)))) {
        return false;
      }
      String[] parts = body.split("\\.");
      if (parts.length != 3) {
        return false;
      }
      String who = new String(B64D.decode(parts[0]), StandardCharsets.UTF_8);
      return who.equals(LoginThrottle.key(name)) && now.getEpochSecond() < Long.parseLong(parts[1]);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private byte[] mac(String body) {
    try {
      Mac m = Mac.getInstance("HmacSHA256");
      m.init(new SecretKeySpec(key, "HmacSHA256"));
      return m.doFinal(body.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
