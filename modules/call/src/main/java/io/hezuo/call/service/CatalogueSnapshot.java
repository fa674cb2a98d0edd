package io.hezuo.call.service;

import io.hezuo.call.api.CallView;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The current call as one immutable value: the view (immutable records), its JSON as the API sends
 * it, and an entity tag made of the catalogue's version stamp and a hash of the JSON. A new
 * snapshot replaces the old one; nobody changes one. {@code call} is null when no call is
 * published.
 *
 * @param stamp the call's version plus the versions of its lines, as read from the database
 */
public record CatalogueSnapshot(long callId, long stamp, CallView call, byte[] json, String etag) {

  /** The snapshot of no published call. */
  static CatalogueSnapshot none(long stamp) {
    return new CatalogueSnapshot(-1, stamp, null, new byte[0], null);
  }

  static CatalogueSnapshot of(long stamp, CallView call, String json) {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    return new CatalogueSnapshot(call.id(), stamp, call, bytes, etag(stamp, bytes));
  }

  /** {@code "v<stamp>-<first 16 hex digits of the SHA-256 of the JSON>"}, quoted (RFC 9110). */
  static String etag(long stamp, byte[] json) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(json);
      return "\"v" + stamp + "-" + HexFormat.of().formatHex(hash, 0, 8) + "\"";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The JSON; a copy, the snapshot's own bytes stay as they are. */
  public byte[] json() {
    return json.clone();
  }

  /** Writes the JSON without copying it. */
  public void writeJson(java.io.OutputStream out) throws java.io.IOException {
    out.write(json);
  }

  /** Whether an {@code If-None-Match} header names this snapshot (weak comparison, RFC 9110). */
  public boolean matches(String ifNoneMatch) {
    if (ifNoneMatch == null || etag == null) {
      return false;
    }
    for (String tag : ifNoneMatch.split(",")) {
      String t = tag.strip();
      if (t.equals("*")) {
        return true;
      }
      if (t.startsWith("W/")) {
        t = t.substring(2);
      }
      if (t.equals(etag)) {
        return true;
      }
    }
    return false;
  }
}
