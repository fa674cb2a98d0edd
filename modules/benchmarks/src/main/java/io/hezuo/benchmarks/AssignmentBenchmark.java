package io.hezuo.benchmarks;

import io.hezuo.scoring.domain.Assignment;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.IntSummaryStatistics;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Times the automatic expert assignment of issue 13 ({@link Assignment#solve}) on a generated call:
 * by default 2,000 applications × 500 experts × 5 experts each, load 25 per expert, 2 % of the
 * pairs conflicted, fields from 60 discipline codes (12 first-level disciplines in 6 sections, 4
 * second-level codes each) drawn with a skewed popularity, applications with a main code and
 * sometimes a second, experts with 1 to 3 codes. Prints the median time of the runs after two
 * warm-ups, the total fit, the shortfalls, the load spread, what the solver did, and the load
 * average; {@code spread} asks for the load-spreading criterion; {@code scarce} draws the
 * applications' fields more skewed and the experts' uniformly (the popular fields run short, so fit
 * is traded against load); {@code full} also solves the whole network (every open pair an arc, no
 * pricing) once and checks that it gives the same count and fit (and sum of squared loads with
 * {@code spread}).
 *
 * <pre>
 * java -cp ... io.hezuo.benchmarks.AssignmentBenchmark [APPS [EXPERTS [N [LOAD [RUNS [full] [spread] [scarce]]]]]]
 * </pre>
 */
public final class AssignmentBenchmark {

  private AssignmentBenchmark() {}

  public static void main(String[] args) {
    int apps = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    int experts = args.length > 1 ? Integer.parseInt(args[1]) : 500;
    int n = args.length > 2 ? Integer.parseInt(args[2]) : Assignment.DEFAULT_PER_APPLICATION;
    int load = args.length > 3 ? Integer.parseInt(args[3]) : 25;
    int runs = args.length > 4 ? Integer.parseInt(args[4]) : 5;
    Set<String> flags = Set.of(Arrays.copyOfRange(args, Math.min(5, args.length), args.length));
    boolean full = flags.contains("full");
    boolean spread = flags.contains("spread");
    boolean scarce = flags.contains("scarce");
    System.out.printf(
        "cores %d, java %s, heap max %d MB, %s%n",
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"),
        Runtime.getRuntime().maxMemory() >> 20,
        ManagementFactory.getRuntimeMXBean().getInputArguments());
    Assignment.Problem p = generate(new Random(2026), apps, experts, n, load, 0.02, spread, scarce);
    System.out.printf(
        "%,d applications x %,d experts x %d each, load %d, %,d conflicted pairs, spreadLoad %s%n",
        apps, experts, n, load, p.forbidden().size(), spread);

    Assignment.Result r = null;
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    for (int i = 0; i < 2; i++) {
      long t = System.nanoTime();
      long c = threads.getCurrentThreadCpuTime();
      r = Assignment.solve(p);
      System.out.printf(
          "warm-up %d: %,d ms elapsed, %,d ms CPU%s%n",
          i + 1,
          (System.nanoTime() - t) / 1_000_000,
          (threads.getCurrentThreadCpuTime() - c) / 1_000_000,
          la());
    }
    long[] ms = new long[runs];
    long[] cpu = new long[runs];
    for (int i = 0; i < runs; i++) {
      long t = System.nanoTime();
      long c = threads.getCurrentThreadCpuTime();
      r = Assignment.solve(p);
      ms[i] = (System.nanoTime() - t) / 1_000_000;
      cpu[i] = (threads.getCurrentThreadCpuTime() - c) / 1_000_000;
      System.out.printf("run %d: %,d ms elapsed, %,d ms CPU%s%n", i + 1, ms[i], cpu[i], la());
    }
    Arrays.sort(ms);
    Arrays.sort(cpu);
    IntSummaryStatistics loads =
        r.loads().values().stream().mapToInt(Integer::intValue).summaryStatistics();
    System.out.printf(
        "median %,d ms elapsed (min %,d, max %,d), %,d ms CPU, over %d runs%s%n",
        ms[runs / 2], ms[0], ms[runs - 1], cpu[runs / 2], runs, la());
    System.out.printf(
        "assigned %,d of %,d, total fit %,d (mean %.3f per pick), shortfalls %d, loads %d..%d,"
            + " sum of squared loads %,d%n",
        r.picks().size(),
        (long) apps * n,
        r.totalFit(),
        r.totalFit() / (double) Math.max(1, r.picks().size()),
        r.shortfalls().size(),
        loads.getMin(),
        loads.getMax(),
        r.loadSquares());
    int[] byFit = new int[Assignment.EXACT + 1];
    r.picks().forEach(k -> byFit[k.fit()]++);
    System.out.printf(
        "picks by fit: exact %,d, same discipline %,d, same section %,d, none %,d%n",
        byFit[3], byFit[2], byFit[1], byFit[0]);
    System.out.printf(
        "solver: %d round(s), %,d of %,d open pairs as arcs%n",
        r.effort().rounds(), r.effort().arcs(), r.effort().openPairs());
    if (full) {
      long t = System.nanoTime();
      Assignment.Result f = Assignment.solveFull(p);
      long fms = (System.nanoTime() - t) / 1_000_000;
      boolean same =
          f.picks().size() == r.picks().size()
              && f.totalFit() == r.totalFit()
              && (!spread || f.loadSquares() == r.loadSquares());
      System.out.printf(
          "full network (%,d arcs, one run): %,d ms, assigned %,d, total fit %,d, sum of squared"
              + " loads %,d: same optimum: %s%s%n",
          f.effort().arcs(), fms, f.picks().size(), f.totalFit(), f.loadSquares(), same, la());
    }
  }

  static String la() {
    double l = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    return String.format(" [load average %.2f]", l);
  }

  /** 60 codes: sections A..F, disciplines X01 and X02, four second-level codes each. */
  static Assignment.Problem generate(
      Random r,
      int na,
      int ne,
      int n,
      int load,
      double conflictRate,
      boolean spread,
      boolean scarce) {
    List<String> disciplines = new ArrayList<>();
    List<String> codes = new ArrayList<>();
    for (char s = 'A'; s <= 'F'; s++) {
      for (int d = 1; d <= 2; d++) {
        String disc = String.format("%c%02d", s, d);
        disciplines.add(disc);
        codes.add(disc);
        for (int k = 1; k <= 4; k++) {
          codes.add(String.format("%s%02d", disc, k));
        }
      }
    }
    List<String> leaves = codes.stream().filter(c -> c.length() == 5).toList();
    List<Assignment.Application> apps = new ArrayList<>();
    for (int a = 1; a <= na; a++) {
      List<String> f = new ArrayList<>();
      f.add(skewed(r, leaves, scarce ? 3.0 : 2.0));
      if (r.nextDouble() < 0.3) {
        f.add(skewed(r, leaves, scarce ? 3.0 : 2.0));
      }
      apps.add(new Assignment.Application(a, f));
    }
    List<Assignment.Expert> experts = new ArrayList<>();
    for (int e = 1; e <= ne; e++) {
      int k = 1 + r.nextInt(3);
      Set<String> f = new HashSet<>();
      // experts follow the popularity less closely than the applications: some fields are short
      // (scarce: experts do not follow it at all, and the popular fields run short)
      f.add(
          !scarce && r.nextDouble() < 0.5
              ? skewed(r, leaves, 2.0)
              : leaves.get(r.nextInt(leaves.size())));
      while (f.size() < k) {
        f.add(
            r.nextDouble() < 0.3
                ? disciplines.get(r.nextInt(disciplines.size()))
                : leaves.get(r.nextInt(leaves.size())));
      }
      experts.add(new Assignment.Expert(10_000 + e, f.stream().sorted().toList(), load));
    }
    Set<Assignment.Pair> forbidden = new HashSet<>();
    for (int a = 1; a <= na; a++) {
      for (int e = 1; e <= ne; e++) {
        if (r.nextDouble() < conflictRate) {
          forbidden.add(new Assignment.Pair(a, 10_000 + e));
        }
      }
    }
    return new Assignment.Problem(apps, experts, forbidden, Set.of(), n, spread);
  }

  /** A code with a Zipf-like popularity (the first codes of the list far more often). */
  static String skewed(Random r, List<String> list, double power) {
    double u = r.nextDouble();
    int i = (int) (list.size() * Math.pow(u, power));
    return list.get(Math.min(i, list.size() - 1));
  }
}
