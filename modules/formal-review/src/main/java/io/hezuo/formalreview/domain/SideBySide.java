package io.hezuo.formalreview.domain;

import io.hezuo.formalreview.similarity.Passage;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Two texts side by side for G3 (the checked document and one source), cut into segments that are
 * either unmatched text or part of a matched passage, so that a screen can highlight the same
 * passage in both. Overlapping or touching passages on one side merge into one highlighted segment,
 * labelled with the first passage's number (1-based, in the order given).
 */
public record SideBySide(List<Segment> document, List<Segment> source) implements Serializable {

  /** A run of text: {@code passage} is 0 for unmatched text, else the passage's number. */
  public record Segment(String text, int passage) implements Serializable {
    public boolean matched() {
      return passage > 0;
    }
  }

  /** The two texts cut at the passages' char offsets (clamped to each text). */
  public static SideBySide of(String document, String source, List<Passage> passages) {
    List<int[]> doc = new ArrayList<>();
    List<int[]> src = new ArrayList<>();
    for (int i = 0; i < passages.size(); i++) {
      Passage p = passages.get(i);
      doc.add(new int[] {p.docStart(), p.docEnd(), i + 1});
      src.add(new int[] {p.sourceStart(), p.sourceEnd(), i + 1});
    }
    return new SideBySide(cut(nz(document), doc), cut(nz(source), src));
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  private static List<Segment> cut(String text, List<int[]> ranges) {
    List<int[]> merged = new ArrayList<>();
    ranges.stream()
        .map(
            r -> {
              int from = Math.max(0, Math.min(r[0], text.length()));
              int to = Math.max(from, Math.min(r[1], text.length()));
              return new int[] {from, to, r[2]};
            })
        .filter(r -> r[1] > r[0])
        .sorted(Comparator.<int[]>comparingInt(r -> r[0]).thenComparingInt(r -> r[2]))
        .forEach(
            r -> {
              int[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
              if (last != null && r[0] <= last[1]) {
                last[1] = Math.max(last[1], r[1]);
                last[2] = Math.min(last[2], r[2]);
              } else {
                merged.add(r.clone());
              }
            });
    List<Segment> out = new ArrayList<>();
    int at = 0;
    for (int[] m : merged) {
      if (m[0] > at) {
        out.add(new Segment(text.substring(at, m[0]), 0));
      }
      out.add(new Segment(text.substring(m[0], m[1]), m[2]));
      at = m[1];
    }
    if (at < text.length() || out.isEmpty()) {
      out.add(new Segment(text.substring(at), 0));
    }
    return out;
  }
}
