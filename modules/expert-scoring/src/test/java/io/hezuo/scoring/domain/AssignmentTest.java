package io.hezuo.scoring.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hezuo.scoring.domain.Assignment.Application;
import io.hezuo.scoring.domain.Assignment.Breach;
import io.hezuo.scoring.domain.Assignment.Expert;
import io.hezuo.scoring.domain.Assignment.Pair;
import io.hezuo.scoring.domain.Assignment.Pick;
import io.hezuo.scoring.domain.Assignment.Problem;
import io.hezuo.scoring.domain.Assignment.Reason;
import io.hezuo.scoring.domain.Assignment.Result;
import io.hezuo.scoring.domain.Assignment.Shortfall;
import io.hezuo.scoring.domain.Assignment.Violation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Automatic assignment: constraints, shortfalls, pinned pairs, and optimality by brute force. */
class AssignmentTest {

  static Application app(long id, String... fields) {
    return new Application(id, List.of(fields));
  }

  static Expert expert(long id, int load, String... fields) {
    return new Expert(id, List.of(fields), load);
  }

  static Pair pair(long a, long e) {
    return new Pair(a, e);
  }

  @Test
  void fitIsExactThenDisciplineThenSectionThenNone() {
    assertEquals(3, Assignment.fit(List.of("F0101"), List.of("f0101 ")));
    assertEquals(3, Assignment.fit(List.of("F01"), List.of("F01", "A02")));
    assertEquals(2, Assignment.fit(List.of("F0101"), List.of("F0102")));
    assertEquals(2, Assignment.fit(List.of("F0101"), List.of("F01")));
    assertEquals(1, Assignment.fit(List.of("F0101"), List.of("F02")));
    assertEquals(0, Assignment.fit(List.of("F0101"), List.of("A01")));
    assertEquals(0, Assignment.fit(List.of(), List.of("A01")));
    // the best pair of codes counts
    assertEquals(3, Assignment.fit(List.of("A01", "F0101"), List.of("B02", "F0101")));
  }

  @Test
  void aCallsFieldOfCooperationFitsOnlyItselfAndTheDisciplineCodeFitsByLevel() {
    // A3's fields are words: HEALTH is not in section H, SUSTAINABLE not near SPATIAL
    assertEquals(0, Assignment.fit(List.of("HEALTH"), List.of("H2701")));
    assertEquals(0, Assignment.fit(List.of("SUSTAINABLE"), List.of("SPATIAL")));
    assertEquals(0, Assignment.fit(List.of("FOOD"), List.of("F06")));
    assertEquals(3, Assignment.fit(List.of("AI"), List.of("ai")));
    // an application's discipline code (F06) and field (AI) against an expert's finer code
    assertEquals(2, Assignment.fit(List.of("F06", "AI"), List.of("F0601")));
    assertEquals(3, Assignment.fit(List.of("F06", "AI"), List.of("AI", "C13")));
    // the solver's compiled fit is the same
    List<Application> apps =
        List.of(new Application(1, List.of("HEALTH", "H27")), new Application(2, List.of("AI")));
    List<Expert> experts =
        List.of(
            new Expert(11, List.of("HEALTH"), 5),
            new Expert(12, List.of("H2701"), 5),
            new Expert(13, List.of("SPATIAL", "C13"), 5),
            new Expert(14, List.of("A01"), 5));
    Result res = Assignment.solve(new Problem(apps, experts, Set.of(), Set.of(), 4));
    for (Pick k : res.picks()) {
      Application a = apps.stream().filter(x -> x.id() == k.applicationId()).findFirst().get();
      Expert e = experts.stream().filter(x -> x.id() == k.expertId()).findFirst().get();
      assertEquals(Assignment.fit(a.fields(), e.fields()), k.fit(), k.toString());
    }
  }

  @Test
  void eachApplicationGetsNDistinctExpertsWithoutConflictsWithinLoads() {
    Random r = new Random(7);
    Problem q = random(r, 40, 25, 5, 0.05, 10, 0.0);
    Problem p =
        new Problem(
            q.applications(),
            q.experts().stream().map(e -> new Expert(e.id(), e.fields(), 10)).toList(),
            q.forbidden(),
            q.pinned(),
            5);
    Result res = Assignment.solve(p);
    assertEquals(List.of(), Assignment.check(p, pairs(res)));
    Map<Long, Set<Long>> per = new HashMap<>();
    for (Pick k : res.picks()) {
      assertFalse(p.forbidden().contains(pair(k.applicationId(), k.expertId())));
      assertTrue(per.computeIfAbsent(k.applicationId(), x -> new HashSet<>()).add(k.expertId()));
    }
    for (Application a : p.applications()) {
      assertEquals(5, per.get(a.id()).size(), "application " + a.id());
    }
    for (Expert e : p.experts()) {
      assertTrue(res.loads().get(e.id()) <= e.maxLoad());
    }
    assertEquals(List.of(), res.shortfalls());
  }

  @Test
  void theBestFittingExpertsAreChosen() {
    Problem p =
        new Problem(
            List.of(app(1, "F0101"), app(2, "A0201")),
            List.of(
                expert(10, 1, "A0201"),
                expert(11, 1, "F0101"),
                expert(12, 2, "F0102"),
                expert(13, 2, "A02"),
                expert(14, 2, "F03")),
            Set.of(),
            Set.of(),
            2);
    Result res = Assignment.solve(p);
    assertEquals(List.of(11L, 12L), res.expertsOf(1));
    assertEquals(List.of(10L, 13L), res.expertsOf(2));
    assertEquals(3 + 2 + 3 + 2, res.totalFit());
  }

  @Test
  void aConflictedPairIsNeverAssignedEvenWhenItFitsBest() {
    Problem p =
        new Problem(
            List.of(app(1, "F0101")),
            List.of(expert(10, 5, "F0101"), expert(11, 5, "A01"), expert(12, 5, "B01")),
            Set.of(pair(1, 10)),
            Set.of(),
            2);
    Result res = Assignment.solve(p);
    assertEquals(List.of(11L, 12L), res.expertsOf(1));
    assertEquals(List.of(), res.shortfalls());
  }

  @Test
  void pinnedPairsAreKeptAndCountTowardsNAndLoad() {
    Problem p =
        new Problem(
            List.of(app(1, "F0101"), app(2, "F0101")),
            List.of(
                expert(10, 1, "F0101"),
                expert(11, 2, "A01"),
                expert(12, 2, "F0101"),
                expert(13, 2, "F0102")),
            Set.of(),
            Set.of(pair(1, 11), pair(2, 10)),
            2);
    Result res = Assignment.solve(p);
    assertEquals(List.of(11L, 12L), res.expertsOf(1));
    assertEquals(List.of(10L, 12L), res.expertsOf(2));
    assertTrue(res.picks().contains(new Pick(1, 11, 0, true)));
    assertTrue(res.picks().contains(new Pick(2, 10, 3, true)));
    assertTrue(res.picks().contains(new Pick(2, 12, 3, false)));
    assertEquals(1, res.loads().get(10L));
  }

  @Test
  void aPinnedPairThatConflictsOrOverloadsIsRefused() {
    List<Application> apps = List.of(app(1, "F01"), app(2, "F01"));
    List<Expert> experts = List.of(expert(10, 1, "F01"), expert(11, 1, "F01"));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            Assignment.solve(
                new Problem(apps, experts, Set.of(pair(1, 10)), Set.of(pair(1, 10)), 1)));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            Assignment.solve(
                new Problem(apps, experts, Set.of(), Set.of(pair(1, 10), pair(2, 10)), 1)));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            Assignment.solve(
                new Problem(apps, experts, Set.of(), Set.of(pair(1, 10), pair(1, 11)), 1)));
  }

  @Test
  void shortfallsAreReportedWithTheirReason() {
    // application 1 conflicts with two of the three experts: only one expert is possible for it;
    // applications 2 and 3 have no conflict but the loads (1 + 1 + 1, one taken by 1) run out
    Problem p =
        new Problem(
            List.of(app(1, "F01"), app(2, "A01"), app(3, "A02")),
            List.of(expert(10, 1, "A01"), expert(11, 1, "A02"), expert(12, 1, "F01")),
            Set.of(pair(1, 10), pair(1, 11)),
            Set.of(),
            2);
    Result res = Assignment.solve(p);
    assertEquals(List.of(12L), res.expertsOf(1));
    assertEquals(List.of(10L), res.expertsOf(2));
    assertEquals(List.of(11L), res.expertsOf(3));
    assertEquals(
        List.of(
            new Shortfall(1, 1, Reason.NOT_ENOUGH_EXPERTS),
            new Shortfall(2, 1, Reason.LOADS_EXHAUSTED),
            new Shortfall(3, 1, Reason.LOADS_EXHAUSTED)),
        res.shortfalls());
  }

  @Test
  void tiesSpreadTheLoadEvenly() {
    List<Application> apps = new ArrayList<>();
    for (int a = 1; a <= 6; a++) {
      apps.add(app(a, "F01"));
    }
    List<Expert> experts =
        List.of(expert(10, 6, "F01"), expert(11, 6, "F01"), expert(12, 6, "F01"));
    Result res = Assignment.solve(new Problem(apps, experts, Set.of(), Set.of(), 1, true));
    assertEquals(Map.of(10L, 2, 11L, 2, 12L, 2), res.loads());
  }

  @Test
  void theSameInputInAnotherOrderGivesTheSameAssignment() {
    Random r = new Random(11);
    Problem p = random(r, 60, 30, 5, 0.03, 12, 0.02);
    List<Application> apps = new ArrayList<>(p.applications());
    List<Expert> experts = new ArrayList<>(p.experts());
    Collections.shuffle(apps, new Random(1));
    Collections.shuffle(experts, new Random(2));
    Problem q = new Problem(apps, experts, p.forbidden(), p.pinned(), p.perApplication());
    assertEquals(Assignment.solve(p), Assignment.solve(q));
  }

  @Test
  void theCandidatesDoNotChangeTheOptimum() {
    // pricing with the dual solution adds what the first candidates missed: same optimum from
    // one candidate per expert needed as from the full network
    for (boolean spread : new boolean[] {false, true}) {
      for (int seed = 0; seed < 20; seed++) {
        Random r = new Random(seed);
        Problem p = spread(random(r, 50, 20, 3, 0.05, 9, 0.02), spread);
        Result full = Assignment.solveFull(p);
        for (int factor : new int[] {1, 2, 3}) {
          Result cut = Assignment.solve(p, factor);
          assertEquals(key(full, spread), key(cut, spread), "seed " + seed + " factor " + factor);
          assertEquals(List.of(), Assignment.check(p, pairs(cut)));
        }
      }
    }
  }

  @Test
  void checkFindsConflictsOverLoadsAndTooManyExperts() {
    Problem p =
        new Problem(
            List.of(app(1, "F01"), app(2, "F01")),
            List.of(expert(10, 1, "F01"), expert(11, 2, "F01"), expert(12, 2, "F01")),
            Set.of(pair(1, 11)),
            Set.of(),
            1);
    List<Breach> b =
        Assignment.check(p, List.of(pair(1, 10), pair(2, 10), pair(1, 11), pair(3, 12)));
    assertEquals(
        List.of(
            new Breach(Violation.CONFLICT, 1, 11),
            new Breach(Violation.TOO_MANY, 1, 0),
            new Breach(Violation.OVER_LOAD, 0, 10),
            new Breach(Violation.UNKNOWN, 3, 12)),
        b);
  }

  @Test
  void optimalAgainstBruteForceWithTwoExpertsPerApplication() {
    for (int seed = 0; seed < 150; seed++) {
      Random r = new Random(1000 + seed);
      Problem p = random(r, 4, 6, 2, 0.15, 3, 0.08);
      assertOptimal(p, "seed " + seed);
      assertOptimal(spread(p, true), "seed " + seed + " spread");
    }
  }

  @Test
  void optimalAgainstBruteForceWithThreeExpertsPerApplication() {
    for (int seed = 0; seed < 100; seed++) {
      Random r = new Random(5000 + seed);
      Problem p = random(r, 3, 6, 3, 0.15, 3, 0.08);
      assertOptimal(p, "seed " + seed);
      assertOptimal(spread(p, true), "seed " + seed + " spread");
    }
  }

  // ------------------------------------------------------------------------ helpers

  static final String[] CODES = {
    "A01", "A0101", "A0102", "A02", "A0201", "B01", "B0101", "B0102", "F01", "F0101"
  };

  /** A random problem: fields from a small hierarchy, conflicts and pins with given rates. */
  static Problem random(
      Random r, int na, int ne, int n, double conflictRate, int maxLoad, double pinRate) {
    List<Application> apps = new ArrayList<>();
    for (int a = 1; a <= na; a++) {
      apps.add(new Application(a, codes(r, 1 + r.nextInt(2))));
    }
    List<Expert> experts = new ArrayList<>();
    for (int e = 1; e <= ne; e++) {
      experts.add(new Expert(100 + e, codes(r, 1 + r.nextInt(3)), r.nextInt(maxLoad + 1)));
    }
    Set<Pair> forbidden = new HashSet<>();
    Set<Pair> pinned = new HashSet<>();
    Map<Long, Integer> load = new HashMap<>();
    Map<Long, Integer> count = new HashMap<>();
    for (Application a : apps) {
      for (Expert e : experts) {
        Pair p = new Pair(a.id(), e.id());
        if (r.nextDouble() < conflictRate) {
          forbidden.add(p);
        } else if (r.nextDouble() < pinRate
            && load.getOrDefault(e.id(), 0) < e.maxLoad()
            && count.getOrDefault(a.id(), 0) < n) {
          pinned.add(p);
          load.merge(e.id(), 1, Integer::sum);
          count.merge(a.id(), 1, Integer::sum);
        }
      }
    }
    return new Problem(apps, experts, forbidden, pinned, n);
  }

  static List<String> codes(Random r, int k) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      out.add(CODES[r.nextInt(CODES.length)]);
    }
    return out;
  }

  static List<Pair> pairs(Result res) {
    return res.picks().stream().map(k -> new Pair(k.applicationId(), k.expertId())).toList();
  }

  static Problem spread(Problem p, boolean spread) {
    return new Problem(
        p.applications(), p.experts(), p.forbidden(), p.pinned(), p.perApplication(), spread);
  }

  /** The criteria: experts assigned, total fit, and with spreading the sum of squared loads. */
  static List<Long> key(Result res, boolean spread) {
    return spread
        ? List.of((long) res.picks().size(), res.totalFit(), res.loadSquares())
        : List.of((long) res.picks().size(), res.totalFit());
  }

  /** Compares the solver with every feasible assignment of a small problem. */
  static void assertOptimal(Problem p, String label) {
    Result res = Assignment.solve(p);
    assertEquals(List.of(), Assignment.check(p, pairs(res)), label);
    for (Pair pin : p.pinned()) {
      assertTrue(pairs(res).contains(pin), label + " keeps " + pin);
    }
    long[] best = brute(p);
    assertEquals(
        p.spreadLoad() ? List.of(best[0], best[1], best[2]) : List.of(best[0], best[1]),
        key(res, p.spreadLoad()),
        label + ": (count, fit, squares) of the solver vs brute force");
  }

  /** The best (count, fit, -squares) over all feasible assignments, by exhaustive search. */
  static long[] brute(Problem p) {
    List<Application> apps = p.applications();
    List<Expert> experts = p.experts();
    int ne = experts.size();
    int[] fit = new int[apps.size() * ne];
    int[] allowed = new int[apps.size()];
    int[] pinnedMask = new int[apps.size()];
    int[] load = new int[ne];
    for (int a = 0; a < apps.size(); a++) {
      for (int e = 0; e < ne; e++) {
        fit[a * ne + e] = Assignment.fit(apps.get(a).fields(), experts.get(e).fields());
        Pair pr = new Pair(apps.get(a).id(), experts.get(e).id());
        if (p.pinned().contains(pr)) {
          pinnedMask[a] |= 1 << e;
          load[e]++;
        } else if (!p.forbidden().contains(pr)) {
          allowed[a] |= 1 << e;
        }
      }
    }
    long[] best = {-1, -1, Long.MIN_VALUE};
    search(p, 0, fit, allowed, pinnedMask, load, 0, 0, best);
    best[2] = -best[2];
    return best;
  }

  static void search(
      Problem p,
      int a,
      int[] fit,
      int[] allowed,
      int[] pinnedMask,
      int[] load,
      long count,
      long totalFit,
      long[] best) {
    int ne = p.experts().size();
    if (a == p.applications().size()) {
      long squares = 0;
      for (int l : load) {
        squares += (long) l * l;
      }
      long[] cand = {count, totalFit, -squares};
      if (cand[0] > best[0]
          || cand[0] == best[0] && (cand[1] > best[1] || cand[1] == best[1] && cand[2] > best[2])) {
        System.arraycopy(cand, 0, best, 0, 3);
      }
      return;
    }
    int room = p.perApplication() - Integer.bitCount(pinnedMask[a]);
    long pinFit = 0;
    for (int e = 0; e < ne; e++) {
      if ((pinnedMask[a] & (1 << e)) != 0) {
        pinFit += fit[a * ne + e];
      }
    }
    for (int s = allowed[a]; ; s = (s - 1) & allowed[a]) {
      if (Integer.bitCount(s) <= room) {
        boolean ok = true;
        long f = pinFit;
        for (int e = 0; e < ne; e++) {
          if ((s & (1 << e)) != 0) {
            f += fit[a * ne + e];
            if (++load[e] > p.experts().get(e).maxLoad()) {
              ok = false;
            }
          }
        }
        if (ok) {
          search(
              p,
              a + 1,
              fit,
              allowed,
              pinnedMask,
              load,
              count + Integer.bitCount(pinnedMask[a]) + Integer.bitCount(s),
              totalFit + f,
              best);
        }
        for (int e = 0; e < ne; e++) {
          if ((s & (1 << e)) != 0) {
            load[e]--;
          }
        }
      }
      if (s == 0) {
        break;
      }
    }
  }
}
