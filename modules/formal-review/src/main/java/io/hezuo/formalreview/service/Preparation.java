package io.hezuo.formalreview.service;

/**
 * What this server is preparing for the checks, for the progress a run shows before its first
 * chunk: the library's documents indexed ({@link #LIBRARY}) and the round's texts read and indexed
 * ({@link #ROUND}), each with done / total. Written by the one thread that prepares, read by the
 * run's heartbeat; nothing is prepared when {@link #current()} is null.
 */
final class Preparation {

  static final String LIBRARY = "LIBRARY";
  static final String ROUND = "ROUND";

  /** A phase of the preparation with its counts. */
  record State(String phase, int done, int total) {}

  private volatile State state;

  void start(String phase, int total) {
    state = new State(phase, 0, total);
  }

  void advance(int done) {
    State s = state;
    if (s != null) {
      state = new State(s.phase(), Math.min(s.total(), done), s.total());
    }
  }

  void end() {
    state = null;
  }

  State current() {
    return state;
  }
}
