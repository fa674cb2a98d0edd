package io.hezuo.benchmarks;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Throughput of the public endpoint {@code GET /api/v1/call/calls/current} alone, then while 8
 * clients send bogus HTTP Basic credentials (unknown names, and wrong passwords for the names
 * given), in the same run against a running server ({@code ./deploy/run.sh}); prints both and the
 * ratio. Loopback only; each phase lasts SECONDS (default 20) after a 5-second warm-up.
 *
 * <pre>
 * java -cp ... io.hezuo.benchmarks.LoginFloodBenchmark http://127.0.0.1:8080/ [SECONDS] [KNOWN_USER...]
 * </pre>
 */
public final class LoginFloodBenchmark {

  static final int CLIENTS = 4;
  static final int ATTACKERS = 8;

  private LoginFloodBenchmark() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 0) {
      System.err.println("usage: LoginFloodBenchmark URL [SECONDS] [KNOWN_USER...]");
      System.exit(2);
    }
    URI base = URI.create(args[0].endsWith("/") ? args[0] : args[0] + "/");
    if (!InetAddress.getByName(base.getHost()).isLoopbackAddress()) {
      System.err.println("loopback only: " + base.getHost());
      System.exit(2);
    }
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    List<String> known = args.length > 2 ? List.of(args).subList(2, args.length) : List.of();
    HttpClient http =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    URI publicCall = base.resolve("api/v1/call/calls/current");
    URI protectedCall = base.resolve("api/v1/submission/applications");

    phase(http, publicCall, protectedCall, known, 5, false); // warm-up
    Result alone = phase(http, publicCall, protectedCall, known, seconds, false);
    Result attacked = phase(http, publicCall, protectedCall, known, seconds, true);
    System.out.printf(
        "public endpoint alone:              %7.1f req/s (p50 %d ms, p95 %d ms, errors %d)%n",
        alone.rate(), alone.p50(), alone.p95(), alone.errors());
    System.out.printf(
        "with %d clients sending bogus Basic: %7.1f req/s (p50 %d ms, p95 %d ms, errors %d)%n",
        ATTACKERS, attacked.rate(), attacked.p50(), attacked.p95(), attacked.errors());
    System.out.printf(
        "bogus attempts: %d in %d s (%.1f/s), answers %s%n",
        attacked.bogus(), seconds, attacked.bogus() / (double) seconds, attacked.bogusStatus());
    System.out.printf(
        "ratio attacked/alone: %.2f (%.0f %% lower)%n",
        attacked.rate() / alone.rate(), 100 * (1 - attacked.rate() / alone.rate()));
  }

  private static Thread start(Runnable r) {
    Thread t = new Thread(r);
    t.setDaemon(true);
    t.start();
    return t;
  }

  record Result(
      double rate, long p50, long p95, long errors, long bogus, Map<Integer, Long> bogusStatus) {}

  private static Result phase(
      HttpClient http,
      URI publicCall,
      URI protectedCall,
      List<String> known,
      int seconds,
      boolean attack)
      throws InterruptedException {
    AtomicBoolean stop = new AtomicBoolean();
    AtomicLong ok = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    AtomicLong bogus = new AtomicLong();
    Map<Integer, Long> bogusStatus = new ConcurrentHashMap<>();
    List<Long> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < CLIENTS; i++) {
      threads.add(
          start(
              () -> {
                HttpRequest req = HttpRequest.newBuilder(publicCall).GET().build();
                while (!stop.get()) {
                  long t = System.nanoTime();
                  try {
                    int s = http.send(req, HttpResponse.BodyHandlers.discarding()).statusCode();
                    if (stop.get()) {
                      break;
                    }
                    if (s == 200) {
                      ok.incrementAndGet();
                      latencies.add((System.nanoTime() - t) / 1_000_000);
                    } else {
                      errors.incrementAndGet();
                    }
                  } catch (Exception e) {
                    errors.incrementAndGet();
                  }
                }
              }));
    }
    if (attack) {
      for (int i = 0; i < ATTACKERS; i++) {
        final int n = i;
        threads.add(
            start(
                () -> {
                  while (!stop.get()) {
                    ThreadLocalRandom r = ThreadLocalRandom.current();
                    String user =
                        !known.isEmpty() && n % 2 == 0
                            ? known.get(r.nextInt(known.size()))
                            : "bogus_" + Long.toHexString(r.nextLong());
                    String creds = user + ":Wrong#" + Long.toHexString(r.nextLong());
                    HttpRequest req =
                        HttpRequest.newBuilder(protectedCall)
                            .header(
                                "Authorization",
                                "Basic "
                                    + Base64.getEncoder()
                                        .encodeToString(creds.getBytes(StandardCharsets.UTF_8)))
                            .GET()
                            .build();
                    try {
                      int s = http.send(req, HttpResponse.BodyHandlers.discarding()).statusCode();
                      bogus.incrementAndGet();
                      bogusStatus.merge(s, 1L, Long::sum);
                    } catch (Exception e) {
                      bogusStatus.merge(-1, 1L, Long::sum);
                    }
                  }
                }));
      }
    }
    long start = System.nanoTime();
    Thread.sleep(seconds * 1000L);
    stop.set(true);
    double elapsed = (System.nanoTime() - start) / 1e9;
    for (Thread t : threads) {
      t.join(30_000);
    }
    List<Long> sorted;
    synchronized (latencies) {
      sorted = new ArrayList<>(latencies);
    }
    java.util.Collections.sort(sorted);
    long p50 = sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2);
    long p95 = sorted.isEmpty() ? 0 : sorted.get((int) (sorted.size() * 0.95));
    return new Result(ok.get() / elapsed, p50, p95, errors.get(), bogus.get(), bogusStatus);
  }
}
