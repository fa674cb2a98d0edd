package io.hezuo.kernel.rest;

import io.hezuo.kernel.error.BadRequestException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A JSON body read through a nesting counter: more than {@link #MAX_DEPTH} open arrays or objects
 * is a 400 before the parser recurses into them (a body of 100,000 {@code [} otherwise overflows
 * the parser's stack and kills the connection). Strings are skipped, escapes included; the
 * structural characters are ASCII, so counting bytes is exact for UTF-8.
 */
final class JsonDepthLimit extends FilterInputStream {

  static final int MAX_DEPTH = 64;

  private int depth;
  private boolean inString;
  private boolean escaped;

  JsonDepthLimit(InputStream in) {
    super(in);
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      see(b);
    }
    return b;
  }

  @Override
  public int read(byte[] buf, int off, int len) throws IOException {
    int n = super.read(buf, off, len);
    for (int i = 0; i < n; i++) {
      see(buf[off + i] & 0xff);
    }
    return n;
  }

  /**
   * Reads the rest of the body (bounded by the endpoint's size limit underneath) so that the
   * client, still sending, reads the 400 instead of a closed connection.
   */
  private void drain() {
    try {
      in.transferTo(java.io.OutputStream.nullOutputStream());
    } catch (IOException | RuntimeException ignored) {
      // too large or broken: the 400 is still the answer
    }
  }

  private void see(int b) {
    if (inString) {
      if (escaped) {
        escaped = false;
      } else if (b == '\\') {
        escaped = true;
      } else if (b == '"') {
        inString = false;
      }
      return;
    }
    switch (b) {
      case '"' -> inString = true;
      case '[', '{' -> {
        if (++depth > MAX_DEPTH) {
          drain();
          throw new BadRequestException("JSON nested deeper than " + MAX_DEPTH);
        }
      }
      case ']', '}' -> depth--;
      default -> {}
    }
  }
}
