package io.hezuo.formalreview.similarity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimilarityReportTest {

  private static final String A = "浙江省科学技术厅国际科技合作项目申报书研究内容包括新型材料的制备与表征";
  private static final String B = "长三角一体化背景下的对口支援合作机制与成效评价体系构建研究";
  private static final String C = "基于深度学习的遥感影像地物分类方法及其在农业监测中的应用";

  private static void write(Path p, String s) throws IOException {
    Files.writeString(p, s, StandardCharsets.UTF_8);
  }

  @Test
  void reportWithBadFiles(@TempDir Path dir) throws IOException {
    Path corpus = Files.createDirectories(dir.resolve("corpus"));
    Path library = Files.createDirectories(dir.resolve("library"));
    write(corpus.resolve("a.txt"), "\uFEFF" + A + "\n" + B);
    write(corpus.resolve("b,1.txt"), B + "\n" + C);
    write(corpus.resolve("short.txt"), "短");
    Files.write(corpus.resolve("empty.txt"), new byte[0]);
    Files.write(
        corpus.resolve("latin1.txt"), "caf\u00e9 na\u00efve".getBytes(StandardCharsets.ISO_8859_1));
    Files.write(corpus.resolve("binary.txt"), new byte[] {0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 1});
    byte[] huge = new byte[(int) SimilarityReport.MAX_BYTES + 1];
    java.util.Arrays.fill(huge, (byte) 'a');
    Files.write(corpus.resolve("huge.txt"), huge);
    write(corpus.resolve("notes.md"), A);
    write(library.resolve("old.txt"), A + "\n" + C);
    write(library.resolve("a.txt"), "另一份" + C);
    Path template = dir.resolve("template.txt");
    write(template, "表头\n" + C + "\n");
    Path csv = dir.resolve("out/report.csv");

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        SimilarityReport.run(
            new String[] {
              "report",
              "--corpus",
              corpus.toString(),
              "--library",
              library.toString(),
              "--template",
              template.toString(),
              "--out",
              csv.toString()
            },
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    String summary = out.toString(StandardCharsets.UTF_8);
    assertEquals(0, code, summary + err);

    int ua = new UnitNormalizer().units(A).length();
    int ub = new UnitNormalizer().units(B).length();
    int uc = new UnitNormalizer().units(C).length();
    List<String> rows = Files.readAllLines(csv);
    assertEquals(
        List.of(
            SimilarityReport.HEADER,
            "a,*,100.00," + (ua + ub) + "," + (ua + ub),
            "a,old," + Percent.of(ua, ua + ub) + "," + ua + "," + (ua + ub),
            "a,\"b,1\"," + Percent.of(ub, ua + ub) + "," + ub + "," + (ua + ub),
            // C is template text: it never counts
            "\"b,1\",*," + Percent.of(ub, ub + uc) + "," + ub + "," + (ub + uc),
            "\"b,1\",a," + Percent.of(ub, ub + uc) + "," + ub + "," + (ub + uc),
            "short,*,0.00,0,1"),
        rows);
    assertTrue(summary.contains("skipped corpus/empty.txt: empty file"), summary);
    assertTrue(summary.contains("skipped corpus/latin1.txt: not valid UTF-8"), summary);
    assertTrue(summary.contains("skipped corpus/binary.txt: binary content"), summary);
    assertTrue(summary.contains("skipped corpus/huge.txt: too large"), summary);
    assertTrue(summary.contains("3 documents checked against 5"), summary);
    assertTrue(summary.contains("4 files skipped"), summary);
  }

  @Test
  void usageErrors(@TempDir Path dir) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
    assertEquals(2, SimilarityReport.run(new String[] {"report", "--out", "x.csv"}, System.out, e));
    assertEquals(
        1,
        SimilarityReport.run(
            new String[] {"report", "--corpus", dir.resolve("nope").toString(), "--out", "x.csv"},
            System.out,
            e));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("usage"));
  }
}
