package io.hezuo.benchmarks;

import java.net.CookieManager;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders per second and latencies (p50, p99) of the five busiest pages and of the public call
 * endpoint, against a running server ({@code ./deploy/run.sh} with the demo data), loopback only.
 * Each target runs CONCURRENCY clients (default 10) for SECONDS (default 10) after a 3-second
 * warm-up; the signed-in pages use one session per client (logged in through the login form). The
 * call endpoint runs twice: full answers, and revalidations with the ETag (304).
 *
 * <pre>
 * java -cp ... io.hezuo.benchmarks.PageBenchmark http://127.0.0.1:8080/ [SECONDS] [CONCURRENCY] [ONLY] [RATE]
 * </pre>
 *
 * <p>Without RATE each client sends its next request as soon as the last one is answered, which
 * gives the capacity (requests per second at saturation); its p99 is then mostly time spent
 * queueing behind the other nine clients. With RATE (requests per second, all clients together)
 * each client sends on a fixed schedule, and a request's latency is counted from the moment it was
 * due, not from when it could be sent (so a slow answer that delays the next one is counted against
 * both): the p99 at that load.
 */
public final class PageBenchmark {

  static final String PASSWORD = "Demo@2026";

  private PageBenchmark() {}

  /** A page or endpoint, and who asks for it (null: anonymous). */
  record Target(String name, String path, String user, boolean revalidate) {}

  record Result(double rate, long p50, long p99, long max, long errors) {}

  public static void main(String[] args) throws Exception {
    if (args.length == 0) {
      System.err.println(
          "usage: PageBenchmark URL [SECONDS] [CONCURRENCY] [ONLY: part of a name] [RATE per s]");
      System.exit(2);
    }
    URI base = URI.create(args[0].endsWith("/") ? args[0] : args[0] + "/");
    if (!InetAddress.getByName(base.getHost()).isLoopbackAddress()) {
      System.err.println("loopback only: " + base.getHost());
      System.exit(2);
    }
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    int concurrency = args.length > 2 ? Integer.parseInt(args[2]) : 10;
    List<Target> targets =
        List.of(
            new Target(
                "guide call/catalogue.xhtml (anonymous)", "call/catalogue.xhtml", null, false),
            new Target("login.xhtml (anonymous)", "login.xhtml", null, false),
            new Target("app/home.xhtml (demo_pi)", "app/home.xhtml", "demo_pi", false),
            new Target(
                "app/submission/list.xhtml (demo_pi)",
                "app/submission/list.xhtml",
                "demo_pi",
                false),
            new Target(
                "app/submission/unit.xhtml (demo_unit)",
                "app/submission/unit.xhtml",
                "demo_unit",
                false),
            new Target("GET api/v1/call/calls/current", "api/v1/call/calls/current", null, false),
            new Target(
                "GET api/v1/call/calls/current, If-None-Match (304)",
                "api/v1/call/calls/current",
                null,
                true));
    System.out.printf("%d clients, %d s per target after a 3 s warm-up%n", concurrency, seconds);
    String only = args.length > 3 ? args[3] : "";
    double rate = args.length > 4 ? Double.parseDouble(args[4]) : 0;
    if (rate > 0) {
      System.out.printf("paced: %.0f requests per second in all%n", rate);
    }
    for (Target t : targets) {
      if (!t.name().contains(only)) {
        continue;
      }
      List<HttpClient> clients = new ArrayList<>();
      for (int i = 0; i < concurrency; i++) {
        HttpClient c = client();
        if (t.user() != null) {
          login(c, base, t.user());
        }
        clients.add(c);
      }
      String etag = t.revalidate() ? etag(clients.get(0), base.resolve(t.path())) : null;
      run(clients, base.resolve(t.path()), etag, 3, rate);
      Result r = run(clients, base.resolve(t.path()), etag, seconds, rate);
      System.out.printf(
          "%-52s %8.1f /s  p50 %4d ms  p99 %4d ms  max %5d ms  errors %d%n",
          t.name(), r.rate(), r.p50(), r.p99(), r.max(), r.errors());
    }
  }

  static HttpClient client() {
    return HttpClient.newBuilder()
        .cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(Duration.ofSeconds(5))
        .version(HttpClient.Version.HTTP_1_1)
        .build();
  }

  private static final Pattern VIEW_STATE =
      Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]*)\"");

  /** Signs the client in through the login form (its session cookie then stays in the client). */
  static void login(HttpClient c, URI base, String user) throws Exception {
    HttpResponse<String> page =
        c.send(
            HttpRequest.newBuilder(base.resolve("login.xhtml")).build(),
            HttpResponse.BodyHandlers.ofString());
    Matcher m = VIEW_STATE.matcher(page.body());
    if (!m.find()) {
      throw new IllegalStateException("no view state on the login page");
    }
    String form =
        "login=login&login%3Ausername="
            + enc(user)
            + "&login%3Apassword="
            + enc(PASSWORD)
            + "&login%3Asubmit=&jakarta.faces.ViewState="
            + enc(m.group(1));
    HttpResponse<String> r =
        c.send(
            HttpRequest.newBuilder(base.resolve("login.xhtml"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 302 && r.statusCode() != 303) {
      throw new IllegalStateException("login of " + user + " answered " + r.statusCode());
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  static String etag(HttpClient c, URI uri) throws Exception {
    return c.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding())
        .headers()
        .firstValue("ETag")
        .orElseThrow(() -> new IllegalStateException("no ETag"));
  }

  /** The header lines a client sends: its session cookie, and the ETag to revalidate. */
  static String headers(HttpClient c, URI uri, String etag) {
    StringBuilder h = new StringBuilder();
    c.cookieHandler()
        .map(CookieManager.class::cast)
        .ifPresent(
            m -> {
              List<java.net.HttpCookie> cookies = m.getCookieStore().get(uri);
              if (!cookies.isEmpty()) {
                h.append("Cookie: ");
                for (int i = 0; i < cookies.size(); i++) {
                  h.append(i == 0 ? "" : "; ").append(cookies.get(i).toString());
                }
                h.append("\r\n");
              }
            });
    if (etag != null) {
      h.append("If-None-Match: ").append(etag).append("\r\n");
    }
    return h.toString();
  }

  static Result run(List<HttpClient> clients, URI uri, String etag, int seconds, double rate)
      throws InterruptedException {
    AtomicBoolean stop = new AtomicBoolean();
    AtomicLong errors = new AtomicLong();
    List<long[]> perThread = Collections.synchronizedList(new ArrayList<>());
    int expected = etag == null ? 200 : 304;
    List<Thread> threads = new ArrayList<>();
    for (HttpClient c : clients) {
      Thread t =
          new Thread(
              () -> {
                RawHttp http = new RawHttp(uri, headers(c, uri, etag));
                long[] lat = new long[1 << 16];
                int n = 0;
                long interval = rate > 0 ? (long) (1e9 * clients.size() / rate) : 0;
                // clients start spread over one interval, not all at once
                long due = System.nanoTime() + (long) (Math.random() * interval);
                while (!stop.get()) {
                  long t0 = System.nanoTime();
                  if (interval > 0) {
                    long wait = due - t0;
                    if (wait > 0) {
                      java.util.concurrent.locks.LockSupport.parkNanos(wait);
                    }
                    t0 = due;
                    due += interval;
                  }
                  try {
                    int s = http.get();
                    if (stop.get()) {
                      break;
                    }
                    if (s == expected) {
                      if (n == lat.length) {
                        lat = java.util.Arrays.copyOf(lat, n * 2);
                      }
                      lat[n++] = (System.nanoTime() - t0) / 1000;
                    } else {
                      errors.incrementAndGet();
                    }
                  } catch (Exception e) {
                    errors.incrementAndGet();
                    http.close();
                  }
                }
                http.close();
                perThread.add(java.util.Arrays.copyOf(lat, n));
              });
      t.setDaemon(true);
      threads.add(t);
    }
    long start = System.nanoTime();
    threads.forEach(Thread::start);
    Thread.sleep(seconds * 1000L);
    stop.set(true);
    double elapsed = (System.nanoTime() - start) / 1e9;
    for (Thread t : threads) {
      t.join(30_000);
    }
    long[] all = perThread.stream().flatMapToLong(java.util.Arrays::stream).sorted().toArray();
    if (all.length == 0) {
      return new Result(0, 0, 0, 0, errors.get());
    }
    return new Result(
        all.length / elapsed,
        all[all.length / 2] / 1000,
        all[(int) Math.min(all.length - 1, Math.floor(all.length * 0.99))] / 1000,
        all[all.length - 1] / 1000,
        errors.get());
  }
}
