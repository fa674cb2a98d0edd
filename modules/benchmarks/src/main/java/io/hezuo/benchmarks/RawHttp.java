package io.hezuo.benchmarks;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A minimal HTTP/1.1 keep-alive GET client over one blocking socket: the benchmark's clients run on
 * the same two cores as the server, and {@link java.net.http.HttpClient} spent more CPU per request
 * than the server answering it (15.7 s against 10.8 s for the call endpoint's 304s), so the figures
 * measured the client. This one writes the request bytes once and reads the status, the headers and
 * the body (Content-Length or chunked), and nothing else.
 */
final class RawHttp implements AutoCloseable {

  private final String host;
  private final int port;
  private final byte[] request;
  private Socket socket;
  private InputStream in;
  private OutputStream out;
  private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);
  private final byte[] skip = new byte[16 * 1024];

  /** A client that asks for {@code uri} with the given extra header lines (may be empty). */
  RawHttp(URI uri, String extraHeaders) {
    this.host = uri.getHost();
    this.port = uri.getPort() < 0 ? 80 : uri.getPort();
    String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    this.request =
        ("GET "
                + path
                + " HTTP/1.1\r\nHost: "
                + host
                + ":"
                + port
                + "\r\nAccept: text/html,application/json\r\n"
                + extraHeaders
                + "\r\n")
            .getBytes(StandardCharsets.ISO_8859_1);
  }

  /** Sends the request and reads the whole answer; returns its status code. */
  int get() throws IOException {
    if (socket == null) {
      socket = new Socket();
      socket.setTcpNoDelay(true);
      socket.connect(new InetSocketAddress(host, port), 5000);
      socket.setSoTimeout(30_000);
      in = new BufferedInputStream(socket.getInputStream(), 32 * 1024);
      out = socket.getOutputStream();
    }
    out.write(request);
    out.flush();
    String status = readLine();
    int code = Integer.parseInt(status.substring(9, 12));
    long length = -1;
    boolean chunked = false;
    boolean close = false;
    for (String h = readLine(); !h.isEmpty(); h = readLine()) {
      String lower = h.toLowerCase(Locale.ROOT);
      if (lower.startsWith("content-length:")) {
        length = Long.parseLong(lower.substring(15).trim());
      } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
        chunked = true;
      } else if (lower.startsWith("connection:") && lower.contains("close")) {
        close = true;
      }
    }
    if (chunked) {
      for (long size = Long.parseLong(readLine().split(";")[0].trim(), 16);
          size > 0;
          size = Long.parseLong(readLine().split(";")[0].trim(), 16)) {
        discard(size);
        readLine();
      }
      for (String t = readLine(); !t.isEmpty(); t = readLine()) {
        // trailers
      }
    } else if (length > 0) {
      discard(length);
    } else if (length < 0 && code != 304 && code != 204) {
      close = true;
      while (in.read(skip) >= 0) {
        // body until the server closes
      }
    }
    if (close) {
      close();
    }
    return code;
  }

  private void discard(long n) throws IOException {
    while (n > 0) {
      int r = in.read(skip, 0, (int) Math.min(skip.length, n));
      if (r < 0) {
        throw new EOFException();
      }
      n -= r;
    }
  }

  private String readLine() throws IOException {
    line.reset();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        throw new EOFException();
      }
      if (b != '\r') {
        line.write(b);
      }
    }
    return line.toString(StandardCharsets.ISO_8859_1);
  }

  @Override
  public void close() {
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException ignored) {
        // closing
      }
      socket = null;
    }
  }
}
