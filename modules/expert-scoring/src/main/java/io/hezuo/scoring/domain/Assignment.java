package io.hezuo.scoring.domain;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jgrapht.alg.flow.mincost.CapacityScalingMinimumCostFlow;
import org.jgrapht.alg.flow.mincost.MinimumCostFlowProblem;

/**
 * Automatic assignment of experts to applications (issue 13): {@code N} distinct experts per
 * application, no conflicted pair, no expert above their maximum load, the pairs the officer fixed
 * by hand kept, and among all such assignments the one that
 *
 * <ol>
 *   <li>assigns the most experts in all (an application that cannot have {@code N} gets as many as
 *       possible, and its shortfall is reported with the reason),
 *   <li>then has the highest total {@linkplain #fit fit of fields},
 *   <li>then, if {@link Problem#spreadLoad()}, spreads the load most evenly (the smallest sum of
 *       the squared loads of the experts);
 *   <li>remaining ties fall by a fixed scramble of the pair (the same input, the same answer).
 * </ol>
 *
 * <p>Solved exactly as a minimum-cost flow with JGraphT's {@link CapacityScalingMinimumCostFlow}:
 * each application supplies the experts it still needs; an arc application → expert (capacity 1:
 * distinct experts) for each pair that is neither conflicted nor already fixed; per expert, one arc
 * expert → sink per free unit of load (the {@code k}-th unit, fixed pairs included, costing {@code
 * k}: convex, so the flow fills the least loaded experts first); per application a "not assigned"
 * arc application → sink. The criteria are weighed into one integer cost per arc so that each
 * outweighs everything below it along any simple cycle or path of the residual network (see {@code
 * Costs}): a flow of minimum cost then has no improving cycle for any criterion in turn, which is
 * the lexicographic optimum. All costs stay below half the solver's infinite cost (1e9), so the
 * doubles are exact integers.
 *
 * <p><b>Sound reduction</b> (the benchmark's 2,000 applications × 500 experts is a million pairs):
 * the flow is first solved with a few candidate experts per application (the best fitting, ties
 * rotated per application so that candidates spread over the pool), then every pair left out is
 * priced with the solver's optimal node potentials {@code p}: its reduced cost {@code cost +
 * p(expert) - p(application)}. If none is negative, the potentials are a dual solution of the
 * <em>whole</em> problem that proves the flow optimal there too (reduced-cost optimality conditions
 * of linear programming); otherwise the negative pairs are added and the flow solved again, until
 * none is left. The answer is the exact optimum of the full problem, whatever the candidates were
 * ({@link #solveFull} solves the whole network to check it).
 *
 * <p>Deterministic: applications and experts are taken in the order of their ids, and the solver is
 * deterministic for the same network.
 */
public final class Assignment {

  private Assignment() {}

  /** Experts per application unless the call says otherwise. */
  public static final int DEFAULT_PER_APPLICATION = 5;

  /** The fewest experts per application a call may ask for. */
  public static final int MIN_PER_APPLICATION = 3;

  /** Fit of an exact discipline code match. */
  public static final int EXACT = 3;

  /** Fit of the same first-level discipline (the first three characters, e.g. F01). */
  public static final int SAME_DISCIPLINE = 2;

  /** Fit of the same section (the letter, e.g. F, information sciences). */
  public static final int SAME_SECTION = 1;

  /** Fit of no common field. */
  public static final int NONE = 0;

  /** How many candidate experts per expert needed the first network holds. */
  static final int CANDIDATE_FACTOR = 3;

  /** An application to assign: its id and its discipline codes (e.g. F0101, F01). */
  public record Application(long id, List<String> fields) implements Serializable {
    public Application {
      fields = List.copyOf(fields);
    }
  }

  /** An expert of the pool: id, discipline codes and the most applications they may review. */
  public record Expert(long id, List<String> fields, int maxLoad) implements Serializable {
    public Expert {
      fields = List.copyOf(fields);
      if (maxLoad < 0) {
        throw new IllegalArgumentException("maxLoad < 0 for expert " + id);
      }
    }
  }

  /** An application–expert pair. */
  public record Pair(long applicationId, long expertId) implements Serializable {}

  /**
   * What to assign: {@code forbidden} holds the conflicted pairs (never assigned), {@code pinned}
   * the pairs the officer fixed by hand (kept; they count towards {@code perApplication} and the
   * expert's load); {@code spreadLoad} adds the third criterion (the smallest sum of squared loads
   * among the assignments of the best count and fit), which costs several times the time on a large
   * call (see the README's benchmark).
   */
  public record Problem(
      List<Application> applications,
      List<Expert> experts,
      Set<Pair> forbidden,
      Set<Pair> pinned,
      int perApplication,
      boolean spreadLoad)
      implements Serializable {

    /** A problem without the load-spreading criterion (ties fall by a fixed scramble). */
    public Problem(
        List<Application> applications,
        List<Expert> experts,
        Set<Pair> forbidden,
        Set<Pair> pinned,
        int perApplication) {
      this(applications, experts, forbidden, pinned, perApplication, false);
    }

    public Problem {
      applications = List.copyOf(applications);
      experts = List.copyOf(experts);
      forbidden = Set.copyOf(forbidden);
      pinned = Set.copyOf(pinned);
      if (perApplication < 1) {
        throw new IllegalArgumentException("perApplication < 1");
      }
    }
  }

  /** One expert assigned to one application, with the fit of their fields. */
  public record Pick(long applicationId, long expertId, int fit, boolean pinned)
      implements Serializable {}

  /** Why an application has fewer than {@code perApplication} experts. */
  public enum Reason {
    /** Fewer experts than needed are free of conflicts with it (and have a load above 0). */
    NOT_ENOUGH_EXPERTS,
    /** Enough experts are free of conflicts, but their loads are taken by other applications. */
    LOADS_EXHAUSTED
  }

  /** An application that has {@code missing} experts fewer than asked. */
  public record Shortfall(long applicationId, int missing, Reason reason) implements Serializable {}

  /**
   * The assignment: the picks (by application id, then expert id), the shortfalls (by application
   * id), the total fit, the load of each expert (by expert id), the sum of the squared loads, and
   * what the solver did.
   */
  public record Result(
      List<Pick> picks,
      List<Shortfall> shortfalls,
      long totalFit,
      Map<Long, Integer> loads,
      long loadSquares,
      Effort effort)
      implements Serializable {
    public Result {
      picks = List.copyOf(picks);
      shortfalls = List.copyOf(shortfalls);
      loads = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(loads));
    }

    /** The experts assigned to an application, by id. */
    public List<Long> expertsOf(long applicationId) {
      return picks.stream()
          .filter(p -> p.applicationId() == applicationId)
          .map(Pick::expertId)
          .toList();
    }
  }

  /**
   * What the solver did: how many times it solved the flow ({@code rounds}: 1 when the first
   * candidates held the optimum), the application–expert arcs of the last network, and the pairs
   * that could be assigned (neither conflicted nor fixed, expert with free load).
   */
  public record Effort(int rounds, int arcs, long openPairs) implements Serializable {}

  /** What is wrong with a pair or an application in an assignment made or changed by hand. */
  public enum Violation {
    UNKNOWN,
    CONFLICT,
    OVER_LOAD,
    TOO_MANY
  }

  /**
   * One violation of an assignment made by hand: the pair, or the application (expert 0) or the
   * expert (application 0) it concerns.
   */
  public record Breach(Violation violation, long applicationId, long expertId)
      implements Serializable {}

  // ---------------------------------------------------------------------------------- fit

  /**
   * The fit of an expert's fields to an application's: the best over all pairs of codes of {@link
   * #EXACT} (same code), {@link #SAME_DISCIPLINE} (same first three characters, the first-level
   * discipline such as F01), {@link #SAME_SECTION} (same letter) and {@link #NONE}. Codes are
   * compared trimmed and in upper case. Only discipline codes (a letter and digits: F0601) are near
   * each other by their first characters; a call's field of cooperation (AI, HEALTH) fits only
   * itself.
   */
  public static int fit(Collection<String> application, Collection<String> expert) {
    int best = NONE;
    for (String a : application) {
      for (String e : expert) {
        best = Math.max(best, level(code(a), code(e)));
        if (best == EXACT) {
          return best;
        }
      }
    }
    return best;
  }

  private static int level(String a, String b) {
    if (a == null || b == null) {
      return NONE;
    }
    if (a.equals(b)) {
      return EXACT;
    }
    if (!isDiscipline(a) || !isDiscipline(b)) {
      return NONE;
    }
    if (a.length() >= 3 && b.length() >= 3 && a.regionMatches(0, b, 0, 3)) {
      return SAME_DISCIPLINE;
    }
    return a.charAt(0) == b.charAt(0) ? SAME_SECTION : NONE;
  }

  /** A discipline code: a section letter and digits (F06, F0601), not a call's field (AI). */
  static boolean isDiscipline(String c) {
    if (c.length() < 3 || !Character.isLetter(c.charAt(0))) {
      return false;
    }
    for (int i = 1; i < c.length(); i++) {
      if (c.charAt(i) < '0' || c.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  private static String code(String c) {
    if (c == null || c.isBlank()) {
      return null;
    }
    return c.trim().toUpperCase(Locale.ROOT);
  }

  // ---------------------------------------------------------------------------------- solve

  /** The optimal assignment of {@code problem} (see the class comment). */
  public static Result solve(Problem problem) {
    return solve(problem, CANDIDATE_FACTOR);
  }

  /**
   * The same optimum (count, fit and load spread; ties may fall otherwise) from the whole network:
   * every open pair an arc, no pricing. For checks and the benchmark.
   */
  public static Result solveFull(Problem problem) {
    return solve(problem, 0);
  }

  /**
   * As {@link #solve(Problem)}, starting from {@code factor * needed} candidates per application
   * ({@code factor <= 0}: every allowed pair, no pricing rounds). The result does not depend on it.
   */
  static Result solve(Problem problem, int factor) {
    Model m = new Model(problem);
    return m.solve(factor);
  }

  /**
   * Violations of an assignment made or changed by hand: a pair with an unknown application or
   * expert, a conflicted pair, an expert above their maximum load, an application with more than
   * {@code perApplication} experts. Empty: the assignment is acceptable.
   */
  public static List<Breach> check(Problem problem, Collection<Pair> pairs) {
    Map<Long, Expert> experts = new HashMap<>();
    problem.experts().forEach(e -> experts.put(e.id(), e));
    Set<Long> applications = new HashSet<>();
    problem.applications().forEach(a -> applications.add(a.id()));
    List<Pair> sorted =
        new ArrayList<>(new HashSet<>(pairs))
            .stream()
                .sorted(
                    Comparator.comparingLong(Pair::applicationId).thenComparingLong(Pair::expertId))
                .toList();
    List<Breach> out = new ArrayList<>();
    Map<Long, Integer> load = new HashMap<>();
    Map<Long, Integer> count = new HashMap<>();
    for (Pair p : sorted) {
      if (!applications.contains(p.applicationId()) || !experts.containsKey(p.expertId())) {
        out.add(new Breach(Violation.UNKNOWN, p.applicationId(), p.expertId()));
        continue;
      }
      if (problem.forbidden().contains(p)) {
        out.add(new Breach(Violation.CONFLICT, p.applicationId(), p.expertId()));
      }
      int l = load.merge(p.expertId(), 1, Integer::sum);
      if (l == experts.get(p.expertId()).maxLoad() + 1) {
        out.add(new Breach(Violation.OVER_LOAD, 0, p.expertId()));
      }
      int c = count.merge(p.applicationId(), 1, Integer::sum);
      if (c == problem.perApplication() + 1) {
        out.add(new Breach(Violation.TOO_MANY, p.applicationId(), 0));
      }
    }
    return out;
  }

  /** The problem as arrays over application and expert indices (in the order of their ids). */
  private static final class Model {
    final Problem problem;
    final Application[] apps;
    final Expert[] experts;
    final int na;
    final int ne;
    final BitSetRow[] forbidden;
    final BitSetRow[] pinned;
    final int[] need;
    final int[] pinnedLoad;
    final byte[][] fitRows;

    Model(Problem problem) {
      this.problem = problem;
      apps =
          problem.applications().stream()
              .sorted(Comparator.comparingLong(Application::id))
              .toArray(Application[]::new);
      experts =
          problem.experts().stream()
              .sorted(Comparator.comparingLong(Expert::id))
              .toArray(Expert[]::new);
      na = apps.length;
      ne = experts.length;
      if (ne >= 1 << 20) {
        throw new IllegalArgumentException("too many experts: " + ne);
      }
      Map<Long, Integer> ai = new HashMap<>();
      for (int a = 0; a < na; a++) {
        if (ai.put(apps[a].id(), a) != null) {
          throw new IllegalArgumentException("duplicate application " + apps[a].id());
        }
      }
      Map<Long, Integer> ei = new HashMap<>();
      for (int e = 0; e < ne; e++) {
        if (ei.put(experts[e].id(), e) != null) {
          throw new IllegalArgumentException("duplicate expert " + experts[e].id());
        }
      }
      forbidden = new BitSetRow[na];
      pinned = new BitSetRow[na];
      for (int a = 0; a < na; a++) {
        forbidden[a] = new BitSetRow(ne);
        pinned[a] = new BitSetRow(ne);
      }
      for (Pair p : problem.forbidden()) {
        Integer a = ai.get(p.applicationId());
        Integer e = ei.get(p.expertId());
        if (a != null && e != null) {
          forbidden[a].set(e);
        }
      }
      need = new int[na];
      Arrays.fill(need, problem.perApplication());
      pinnedLoad = new int[ne];
      for (Pair p : problem.pinned()) {
        Integer a = ai.get(p.applicationId());
        Integer e = ei.get(p.expertId());
        if (a == null || e == null) {
          throw new IllegalArgumentException("pinned pair with an unknown id: " + p);
        }
        if (forbidden[a].get(e)) {
          throw new IllegalArgumentException("pinned pair is conflicted: " + p);
        }
        pinned[a].set(e);
        if (--need[a] < 0) {
          throw new IllegalArgumentException(
              "more pinned experts than perApplication for application " + p.applicationId());
        }
        if (++pinnedLoad[e] > experts[e].maxLoad()) {
          throw new IllegalArgumentException(
              "pinned pairs exceed the maximum load of expert " + p.expertId());
        }
      }
      Map<String, Integer> ids = new HashMap<>();
      int[][] ac = codes(Arrays.stream(apps).map(Application::fields).toList(), ids);
      int[][] ec = codes(Arrays.stream(experts).map(Expert::fields).toList(), ids);
      fitRows = new byte[na][ne];
      for (int a = 0; a < na; a++) {
        for (int e = 0; e < ne; e++) {
          fitRows[a][e] = (byte) fitOf(ac[a], ec[e]);
        }
      }
    }

    /** Whether the pair may still be assigned by the solver. */
    boolean open(int a, int e) {
      return !forbidden[a].get(e) && !pinned[a].get(e) && pinnedLoad[e] < experts[e].maxLoad();
    }

    Result solve(int factor) {
      Costs costs = Costs.of(ne, experts, problem.spreadLoad());

      // candidates per application
      boolean[][] in = new boolean[na][];
      for (int a = 0; a < na; a++) {
        in[a] = new boolean[ne];
        int want = factor <= 0 ? ne : Math.min(ne, factor * need[a]);
        if (need[a] == 0) {
          continue;
        }
        long[] order = new long[ne];
        for (int e = 0; e < ne; e++) {
          order[e] = ((long) (EXACT - fitRows[a][e]) << 58) | ((mix(a, e) >>> 26) << 20) | e;
        }
        Arrays.sort(order);
        int taken = 0;
        for (int i = 0; i < ne && taken < want; i++) {
          int e = (int) (order[i] & 0xFFFFF);
          if (open(a, e)) {
            in[a][e] = true;
            taken++;
          }
        }
      }

      for (int round = 1; ; round++) {
        AssignmentNetwork net = build(in, costs);
        CapacityScalingMinimumCostFlow<Integer, Integer> alg =
            new CapacityScalingMinimumCostFlow<>();
        MinimumCostFlowProblem<Integer, Integer> flowProblem =
            new MinimumCostFlowProblem.MinimumCostFlowProblemImpl<>(
                net, v -> net.supply[v], x -> net.cap[x]);
        var flow = alg.getMinimumCostFlow(flowProblem);
        if (!alg.testOptimality(0.5)) {
          throw new IllegalStateException("minimum-cost flow failed its optimality test");
        }
        Map<Integer, Double> pot = alg.getDualSolution();
        double[] p = new double[net.n];
        for (int v = 0; v < net.n; v++) {
          p[v] = pot.get(v);
        }
        int added = 0;
        for (int a = 0; a < na; a++) {
          if (need[a] == 0) {
            continue;
          }
          for (int e = 0; e < ne; e++) {
            if (!in[a][e] && open(a, e)) {
              double reduced = costs.pair(a, e, fitRows[a][e]) + p[na + e] - p[a];
              if (reduced < (round == 1 ? costs.margin() : 0) - 0.5) {
                in[a][e] = true;
                added++;
              }
            }
          }
        }
        if (added == 0) {
          return result(net, flow.getFlowMap(), round);
        }
      }
    }

    AssignmentNetwork build(boolean[][] in, Costs costs) {
      int arcs = 0;
      for (int a = 0; a < na; a++) {
        for (int e = 0; e < ne; e++) {
          if (in[a][e]) {
            arcs++;
          }
        }
        arcs++; // not assigned
      }
      for (int e = 0; e < ne; e++) {
        arcs += experts[e].maxLoad() - pinnedLoad[e];
      }
      int sink = na + ne;
      AssignmentNetwork net = new AssignmentNetwork(na + ne + 1, arcs);
      int total = 0;
      for (int a = 0; a < na; a++) {
        net.supply[a] = need[a];
        total += need[a];
        for (int e = 0; e < ne; e++) {
          if (in[a][e]) {
            net.arc(a, na + e, 1, costs.pair(a, e, fitRows[a][e]));
          }
        }
        net.arc(a, sink, need[a], costs.big);
      }
      for (int e = 0; e < ne; e++) {
        for (int k = pinnedLoad[e]; k < experts[e].maxLoad(); k++) {
          net.arc(na + e, sink, 1, costs.unit(k));
        }
      }
      net.supply[sink] = -total;
      return net;
    }

    Result result(AssignmentNetwork net, Map<Integer, Double> flows, int rounds) {
      List<Pick> picks = new ArrayList<>();
      int[] got = new int[na];
      int[] load = pinnedLoad.clone();
      int arcs = 0;
      for (int x = 0; x < net.m; x++) {
        int a = net.src[x];
        int e = net.dst[x] - na;
        if (a < na && e >= 0 && e < ne) {
          arcs++;
        }
        if (a < na && e >= 0 && e < ne && flows.get(x) > 0.5) {
          picks.add(new Pick(apps[a].id(), experts[e].id(), fitRows[a][e], false));
          got[a]++;
          load[e]++;
        }
      }
      for (int a = 0; a < na; a++) {
        for (int e = pinned[a].next(0); e >= 0; e = pinned[a].next(e + 1)) {
          picks.add(new Pick(apps[a].id(), experts[e].id(), fitRows[a][e], true));
        }
      }
      picks.sort(Comparator.comparingLong(Pick::applicationId).thenComparingLong(Pick::expertId));
      List<Shortfall> shortfalls = new ArrayList<>();
      for (int a = 0; a < na; a++) {
        int missing = need[a] - got[a];
        if (missing > 0) {
          int free = 0;
          for (int e = 0; e < ne; e++) {
            if (!forbidden[a].get(e) && experts[e].maxLoad() > 0) {
              free++;
            }
          }
          Reason why =
              free < problem.perApplication() ? Reason.NOT_ENOUGH_EXPERTS : Reason.LOADS_EXHAUSTED;
          shortfalls.add(new Shortfall(apps[a].id(), missing, why));
        }
      }
      long totalFit = picks.stream().mapToLong(Pick::fit).sum();
      Map<Long, Integer> loads = new LinkedHashMap<>();
      long squares = 0;
      for (int e = 0; e < ne; e++) {
        loads.put(experts[e].id(), load[e]);
        squares += (long) load[e] * load[e];
      }
      long open = 0;
      for (int a = 0; a < na; a++) {
        for (int e = 0; e < ne; e++) {
          if (open(a, e)) {
            open++;
          }
        }
      }
      return new Result(
          picks, shortfalls, totalFit, loads, squares, new Effort(rounds, arcs, open));
    }
  }

  /**
   * The integer costs of the network, four criteria in one number: "not assigned" costs {@code
   * big}; a pair {@code (EXACT - fit) * w * p + jitter(a, e)}; the {@code k}-th unit of an expert's
   * load {@code k * p}. The jitter ({@code 0 <= jitter < r}, a fixed scramble of the pair) only
   * breaks ties: the solver's searches stop early instead of sweeping plateaus of equal cost, and
   * equal assignments are told apart the same way every time. Each level outweighs everything below
   * it along any simple cycle or path of the residual network (at most {@code 2 * experts} pair
   * arcs, one load unit in and one out): {@code p > 2 * experts * r}, {@code w} above the largest
   * load unit, {@code big} above a whole path. When the numbers would reach the solver's limit the
   * jitter and then the spreading are given up (never the count or the fit).
   */
  private record Costs(long w, long p, int r, boolean spread, long big) {

    static final double LIMIT = CapacityScalingMinimumCostFlow.COST_INF / 2;

    static Costs of(int ne, Expert[] experts, boolean spread) {
      int wide = 1;
      for (Expert x : experts) {
        wide = Math.max(wide, x.maxLoad());
      }
      if (!spread) {
        wide = 1;
      }
      for (int r = 64; r >= 1; r /= 2) {
        long p = r == 1 ? 1 : 2L * ne * r + 1;
        Costs c = new Costs(wide, p, r, spread, 0);
        long big = (long) ne * c.maxPair() + wide * p + 1;
        if (big < LIMIT) {
          return new Costs(wide, p, r, spread, big);
        }
      }
      long big = (long) ne * EXACT + 1;
      if (big >= LIMIT) {
        throw new IllegalArgumentException("too many experts for one assignment: " + ne);
      }
      return new Costs(1, 1, 1, false, big);
    }

    long maxPair() {
      return EXACT * w * p + r - 1;
    }

    long pair(int a, int e, int fit) {
      return (EXACT - fit) * w * p + (r > 1 ? (int) Math.floorMod(mix(a, e), (long) r) : 0);
    }

    /** The cost of an expert's {@code k}-th unit of load (from 0). */
    long unit(int k) {
      return spread ? k * p : 0;
    }

    /** Pairs priced within this of 0 after the first round join the network too. */
    long margin() {
      return spread ? 10 * p : 0;
    }
  }

  /** A deterministic scramble of a pair, to rotate ties between candidates per application. */
  private static long mix(int a, int e) {
    long z = (((long) a) << 32 | e) + 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** Codes as small integers (numbered in {@code ids}): code, discipline and section. */
  private static int[][] codes(List<List<String>> fields, Map<String, Integer> ids) {
    int[][] out = new int[fields.size()][];
    for (int i = 0; i < out.length; i++) {
      List<int[]> list = new ArrayList<>();
      for (String f : fields.get(i)) {
        String c = code(f);
        if (c == null) {
          continue;
        }
        int exact = ids.computeIfAbsent("=" + c, k -> ids.size());
        boolean hierarchical = isDiscipline(c);
        int discipline =
            hierarchical ? ids.computeIfAbsent("3" + c.substring(0, 3), k -> ids.size()) : -1;
        int section = hierarchical ? ids.computeIfAbsent("1" + c.charAt(0), k -> ids.size()) : -1;
        list.add(new int[] {exact, discipline, section});
      }
      int[] flat = new int[list.size() * 3];
      for (int j = 0; j < list.size(); j++) {
        System.arraycopy(list.get(j), 0, flat, j * 3, 3);
      }
      out[i] = flat;
    }
    return out;
  }

  private static int fitOf(int[] a, int[] e) {
    int best = NONE;
    for (int i = 0; i < a.length; i += 3) {
      for (int j = 0; j < e.length; j += 3) {
        int l =
            a[i] == e[j]
                ? EXACT
                : a[i + 1] >= 0 && a[i + 1] == e[j + 1]
                    ? SAME_DISCIPLINE
                    : a[i + 2] >= 0 && a[i + 2] == e[j + 2] ? SAME_SECTION : NONE;
        best = Math.max(best, l);
      }
    }
    return best;
  }

  /** A fixed-size bit set (java.util.BitSet grows and allocates; this one does neither). */
  private static final class BitSetRow {
    final long[] words;

    BitSetRow(int size) {
      words = new long[(size + 63) >>> 6];
    }

    void set(int i) {
      words[i >>> 6] |= 1L << i;
    }

    boolean get(int i) {
      return (words[i >>> 6] & (1L << i)) != 0;
    }

    int next(int from) {
      int w = from >>> 6;
      if (w >= words.length) {
        return -1;
      }
      long word = words[w] & (-1L << from);
      while (true) {
        if (word != 0) {
          return (w << 6) + Long.numberOfTrailingZeros(word);
        }
        if (++w == words.length) {
          return -1;
        }
        word = words[w];
      }
    }
  }
}
