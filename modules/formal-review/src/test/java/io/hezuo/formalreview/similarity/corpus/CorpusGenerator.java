package io.hezuo.formalreview.similarity.corpus;

import com.github.houbb.opencc4j.util.ZhConverterUtil;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Writes labelled test corpora: Chinese prose made of words drawn pseudo-randomly (with a seed)
 * from a vocabulary of tens of thousands of words (the simplified phrases of opencc4j's
 * dictionary), so that unrelated documents practically never share a 13-unit run; some documents
 * copy passages of others at chosen ratios, disguised by the changes people make to hide copying
 * ({@link Attack}).
 *
 * <p>Every document is a pure function of the spec and its number, so a benchmark can make the text
 * of document i again when it needs it instead of keeping 20,000 texts in memory. The labels say
 * what was intended; the true figure is the one the metric gives on the final text.
 */
public final class CorpusGenerator {

  /** The changes a copier makes to a copied passage. */
  public enum Attack {
    /** Chinese punctuation replaced by other or ASCII punctuation, or dropped. */
    PUNCTUATION,
    /** Spaces, ideographic spaces, tabs and line breaks inserted between characters. */
    WHITESPACE,
    /** ASCII letters and digits made full-width, letters upper case. */
    WIDTH,
    /** The passage converted to Traditional Chinese. */
    TRADITIONAL,
    /** The sentences of the passage shuffled. */
    REORDER,
    /** One Chinese character in every few (6–20) replaced by another. */
    CHAR_CHANGE
  }

  /**
   * What to generate.
   *
   * @param documents documents of the round (ids R00000…)
   * @param libraryDocuments documents of the library (ids L00000…), which copy nothing
   * @param units about how many units each document has
   * @param copierShare the share of round documents that copy
   * @param ratios the total copy ratios (0–1) a copier picks from
   * @param attacks the changes a copied passage may get (each with probability 1/2)
   * @param template whether documents contain the form's template (headings and instructions)
   * @param references whether some documents end with a 参考文献 section (with copied text in it)
   * @param seed the seed
   */
  public record Spec(
      int documents,
      int libraryDocuments,
      int units,
      double copierShare,
      double[] ratios,
      Set<Attack> attacks,
      boolean template,
      boolean references,
      long seed) {

    /** A small mixed corpus for tests. */
    public static Spec small(long seed) {
      return new Spec(
          12,
          6,
          400,
          0.6,
          new double[] {0.05, 0.2, 0.3, 0.5, 0.9},
          EnumSet.allOf(Attack.class),
          true,
          true,
          seed);
    }
  }

  /**
   * An intended copy.
   *
   * @param sourceId the document copied from
   * @param ratio the intended share of the copier's units
   * @param attacks the changes made to the passage
   */
  public record CopyLabel(String sourceId, double ratio, Set<Attack> attacks) {}

  /** A generated document. */
  public record Document(String id, String text, boolean library, List<CopyLabel> labels) {}

  private static final String[] FUNCTION_WORDS = {
    "的", "了", "和", "与", "在", "是", "对", "将", "及", "等", "为", "并", "其", "从", "以"
  };
  private static final String[] ASCII_WORDS = {
    "5G",
    "AI",
    "GPS",
    "IoT",
    "DNA",
    "RNA",
    "LED",
    "CO2",
    "pH",
    "PM2.5",
    "CRISPR-Cas9",
    "MATLAB",
    "3.5",
    "2025",
    "100",
    "ISO 9001",
    "GB/T 7714"
  };
  private static final String[] TEMPLATE_HEADINGS = {
    "一、项目基本信息",
    "二、立项依据与研究意义",
    "三、国内外研究现状及发展趋势",
    "四、研究内容与技术路线",
    "五、预期目标与考核指标",
    "六、合作方基本情况及合作基础",
    "七、经费预算说明"
  };

  private static volatile String[] vocabulary;
  private static volatile char[] characters;

  private final Spec spec;
  private final String template;

  public CorpusGenerator(Spec spec) {
    this.spec = spec;
    loadVocabulary();
    this.template = makeTemplate();
  }

  public Spec spec() {
    return spec;
  }

  /** The template text (headings and printed instructions); "" if the spec has none. */
  public String template() {
    return spec.template() ? template : "";
  }

  public String roundId(int i) {
    return String.format("R%05d", i);
  }

  public String libraryId(int j) {
    return String.format("L%05d", j);
  }

  /** All documents: the round, then the library. */
  public List<Document> all() {
    List<Document> out = new ArrayList<>();
    for (int i = 0; i < spec.documents(); i++) {
      out.add(round(i));
    }
    for (int j = 0; j < spec.libraryDocuments(); j++) {
      out.add(library(j));
    }
    return out;
  }

  /** Library document j (it copies nothing). */
  public Document library(int j) {
    List<String> sentences = baseSentences(true, j, spec.units());
    return new Document(libraryId(j), assemble(sentences, rng(true, j, 3), null), true, List.of());
  }

  /** Round document i. */
  public Document round(int i) {
    SplittableRandom plan = rng(false, i, 1);
    List<String> own = baseSentences(false, i, spec.units());
    boolean copies = plan.nextDouble() < spec.copierShare() && (spec.documents() > 1 || hasLib());
    List<CopyLabel> labels = new ArrayList<>();
    List<String> refs = null;
    if (spec.references() && plan.nextInt(4) == 0) {
      refs = references(plan);
    }
    if (!copies) {
      return new Document(roundId(i), assemble(own, rng(false, i, 3), refs), false, labels);
    }
    double ratio = spec.ratios()[plan.nextInt(spec.ratios().length)];
    int sources = 1 + plan.nextInt(3);
    double[] shares = new double[sources];
    double sum = 0;
    for (int s = 0; s < sources; s++) {
      shares[s] = 0.5 + plan.nextDouble();
      sum += shares[s];
    }
    int copyUnits = (int) Math.round(ratio * spec.units());
    List<List<String>> passages = new ArrayList<>();
    Set<String> used = new LinkedHashSet<>();
    for (int s = 0; s < sources; s++) {
      boolean fromLib = hasLib() && (spec.documents() == 1 || plan.nextBoolean());
      int j = fromLib ? plan.nextInt(spec.libraryDocuments()) : plan.nextInt(spec.documents());
      if (!fromLib && j == i) {
        j = (j + 1) % spec.documents();
        if (j == i) {
          continue;
        }
      }
      String sourceId = fromLib ? libraryId(j) : roundId(j);
      if (!used.add(sourceId)) {
        continue;
      }
      int want = (int) Math.round(copyUnits * shares[s] / sum);
      List<String> src = baseSentences(fromLib, j, spec.units());
      List<String> passage = takeRun(src, want, plan);
      Set<Attack> attacks = EnumSet.noneOf(Attack.class);
      for (Attack a : spec.attacks()) {
        if (plan.nextBoolean()) {
          attacks.add(a);
        }
      }
      passages.add(attack(passage, attacks, plan));
      labels.add(new CopyLabel(sourceId, ratio * shares[s] / sum, attacks));
    }
    // keep own sentences for the rest, then put the passages in at random places
    List<String> body = takeFirst(own, spec.units() - copyUnits);
    for (List<String> p : passages) {
      int at = plan.nextInt(body.size() + 1);
      body.add(at, String.join("", p));
    }
    if (refs != null && !passages.isEmpty()) {
      // a reference section that quotes a copied passage again: it must not count
      refs.add(String.join("", passages.get(0)));
    }
    return new Document(roundId(i), assemble(body, rng(false, i, 3), refs), false, labels);
  }

  private boolean hasLib() {
    return spec.libraryDocuments() > 0;
  }

  private SplittableRandom rng(boolean library, int index, int stream) {
    long x = spec.seed() * 0x9E3779B97F4A7C15L + (library ? 0x1234567L : 0) + index * 31L + stream;
    return new SplittableRandom(x ^ (x >>> 29) ^ (library ? 0x5555555555L : 0));
  }

  /** Sentences of about {@code units} units in total, the same every time for one document. */
  private List<String> baseSentences(boolean library, int index, int units) {
    SplittableRandom r = rng(library, index, 0);
    String[] vocab = vocabulary;
    List<String> out = new ArrayList<>();
    int total = 0;
    StringBuilder sb = new StringBuilder(128);
    while (total < units) {
      sb.setLength(0);
      int words = 6 + r.nextInt(15);
      for (int w = 0; w < words; w++) {
        int roll = r.nextInt(100);
        String word;
        if (roll < 2) {
          word = ASCII_WORDS[r.nextInt(ASCII_WORDS.length)];
          if (sb.length() > 0 && sb.charAt(sb.length() - 1) < 0x80) {
            sb.append(' ');
          }
          total += word.split("[^A-Za-z0-9]+").length;
        } else if (roll < 12) {
          word = FUNCTION_WORDS[r.nextInt(FUNCTION_WORDS.length)];
          total += 1;
        } else {
          word = vocab[r.nextInt(vocab.length)];
          total += word.length();
        }
        sb.append(word);
        if (w > 2 && w < words - 2 && r.nextInt(6) == 0) {
          sb.append(r.nextInt(3) == 0 ? '、' : '，');
        }
      }
      sb.append(r.nextInt(8) == 0 ? '；' : '。');
      out.add(sb.toString());
    }
    return out;
  }

  private static int unitsOf(String sentence) {
    int n = 0;
    boolean inAscii = false;
    for (int k = 0; k < sentence.length(); k++) {
      char c = sentence.charAt(k);
      boolean alnum = c < 0x80 && Character.isLetterOrDigit(c);
      if (alnum) {
        if (!inAscii) {
          n++;
        }
        inAscii = true;
      } else {
        inAscii = false;
        if (c >= 0x80 && Character.isLetter(c)) {
          n++;
        }
      }
    }
    return n;
  }

  private static List<String> takeFirst(List<String> sentences, int units) {
    List<String> out = new ArrayList<>();
    int total = 0;
    for (String s : sentences) {
      if (total >= units) {
        break;
      }
      out.add(s);
      total += unitsOf(s);
    }
    return out;
  }

  private static List<String> takeRun(List<String> sentences, int units, SplittableRandom r) {
    int start = r.nextInt(sentences.size());
    List<String> out = new ArrayList<>();
    int total = 0;
    for (int k = 0; k < sentences.size() && total < units; k++) {
      String s = sentences.get((start + k) % sentences.size());
      out.add(s);
      total += unitsOf(s);
    }
    return out;
  }

  private List<String> attack(List<String> passage, Set<Attack> attacks, SplittableRandom r) {
    List<String> p = new ArrayList<>(passage);
    if (attacks.contains(Attack.REORDER)) {
      Collections.shuffle(p, new java.util.Random(r.nextLong()));
    }
    String text = String.join("\u0000", p);
    if (attacks.contains(Attack.CHAR_CHANGE)) {
      text = changeChars(text, r);
    }
    if (attacks.contains(Attack.TRADITIONAL)) {
      text = ZhConverterUtil.toTraditional(text);
    }
    if (attacks.contains(Attack.WIDTH)) {
      text = fullWidth(text);
    }
    if (attacks.contains(Attack.PUNCTUATION)) {
      text = punctuation(text, r);
    }
    if (attacks.contains(Attack.WHITESPACE)) {
      text = whitespace(text, r);
    }
    List<String> out = new ArrayList<>();
    for (String s : text.split("\u0000", -1)) {
      out.add(s);
    }
    return out;
  }

  private static String changeChars(String text, SplittableRandom r) {
    char[] chars = characters;
    StringBuilder sb = new StringBuilder(text);
    int every = 6 + r.nextInt(15);
    int han = 0;
    for (int k = 0; k < sb.length(); k++) {
      char c = sb.charAt(k);
      if (c >= 0x4E00 && c <= 0x9FFF && ++han % every == 0) {
        sb.setCharAt(k, chars[r.nextInt(chars.length)]);
      }
    }
    return sb.toString();
  }

  private static String fullWidth(String text) {
    StringBuilder sb = new StringBuilder(text.length());
    for (int k = 0; k < text.length(); k++) {
      char c = text.charAt(k);
      if (c >= 'a' && c <= 'z') {
        sb.append((char) (c - 'a' + 'Ａ'));
      } else if (c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
        sb.append((char) (c + 0xFEE0));
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  private static String punctuation(String text, SplittableRandom r) {
    String[] comma = {",", "、", "；", " ", ""};
    String[] stop = {".", "！", "；", "\n", "…"};
    StringBuilder sb = new StringBuilder(text.length());
    for (int k = 0; k < text.length(); k++) {
      char c = text.charAt(k);
      if (c == '，' || c == '、') {
        sb.append(comma[r.nextInt(comma.length)]);
      } else if (c == '。' || c == '；') {
        sb.append(stop[r.nextInt(stop.length)]);
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  private static String whitespace(String text, SplittableRandom r) {
    String[] ws = {" ", "\u3000", "\n", "\t", "  "};
    StringBuilder sb = new StringBuilder(text.length() + text.length() / 8);
    for (int k = 0; k < text.length(); k++) {
      sb.append(text.charAt(k));
      if (r.nextInt(10) == 0) {
        sb.append(ws[r.nextInt(ws.length)]);
      }
    }
    return sb.toString();
  }

  private List<String> references(SplittableRandom r) {
    List<String> refs = new ArrayList<>();
    int n = 2 + r.nextInt(4);
    String[] vocab = vocabulary;
    for (int k = 1; k <= n; k++) {
      StringBuilder sb = new StringBuilder();
      sb.append('[').append(k).append("] ");
      for (int w = 0; w < 8; w++) {
        sb.append(vocab[r.nextInt(vocab.length)]);
      }
      sb.append("[J]. 2020, ").append(r.nextInt(40)).append("(2): 1-9.");
      refs.add(sb.toString());
    }
    return refs;
  }

  /** Paragraphs of 3–8 sentences; template headings and instructions between sections. */
  private String assemble(List<String> sentences, SplittableRandom r, List<String> refs) {
    StringBuilder sb = new StringBuilder(sentences.size() * 40);
    String[] t = template.split("\n");
    int sections = spec.template() ? TEMPLATE_HEADINGS.length : 1;
    int perSection = Math.max(1, sentences.size() / sections);
    int inParagraph = 0;
    int paragraph = 3 + r.nextInt(6);
    for (int k = 0; k < sentences.size(); k++) {
      if (spec.template() && k % perSection == 0 && k / perSection < sections) {
        int sec = k / perSection;
        if (sb.length() > 0) {
          sb.append('\n');
        }
        sb.append(t[2 * sec]).append('\n');
        if (r.nextBoolean()) {
          sb.append(t[2 * sec + 1]).append('\n');
        }
        inParagraph = 0;
      }
      sb.append(sentences.get(k));
      if (++inParagraph == paragraph) {
        sb.append('\n');
        inParagraph = 0;
        paragraph = 3 + r.nextInt(6);
      }
    }
    if (refs != null) {
      sb.append(r.nextBoolean() ? "\n参考文献\n" : "\n八、主要参考文献：\n");
      for (String ref : refs) {
        sb.append(ref).append('\n');
      }
    }
    return sb.toString();
  }

  private String makeTemplate() {
    SplittableRandom r = new SplittableRandom(20250915L);
    StringBuilder sb = new StringBuilder();
    String[] vocab = vocabulary;
    for (String h : TEMPLATE_HEADINGS) {
      sb.append(h).append('\n');
      sb.append("（填写说明：");
      for (int w = 0; w < 14; w++) {
        sb.append(vocab[r.nextInt(vocab.length)]);
      }
      sb.append("，不超过2000字。）\n");
    }
    return sb.toString();
  }

  private static void loadVocabulary() {
    if (vocabulary != null) {
      return;
    }
    synchronized (CorpusGenerator.class) {
      if (vocabulary != null) {
        return;
      }
      List<String> words = new ArrayList<>();
      Set<Character> chars = new LinkedHashSet<>();
      try (InputStream in =
              CorpusGenerator.class.getResourceAsStream("/data/dictionary/STPhrases.txt");
          BufferedReader br =
              new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        String line;
        while ((line = br.readLine()) != null) {
          int tab = line.indexOf('\t');
          String w = tab < 0 ? line.trim() : line.substring(0, tab).trim();
          if (w.length() < 2 || w.length() > 4) {
            continue;
          }
          boolean ok = true;
          for (int k = 0; k < w.length(); k++) {
            char c = w.charAt(k);
            ok &= c >= 0x4E00 && c <= 0x9FA5;
          }
          if (ok) {
            words.add(w);
            for (int k = 0; k < w.length(); k++) {
              chars.add(w.charAt(k));
            }
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      char[] c = new char[chars.size()];
      int k = 0;
      for (Character ch : chars) {
        c[k++] = ch;
      }
      characters = c;
      vocabulary = words.toArray(new String[0]);
    }
  }
}
