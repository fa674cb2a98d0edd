package io.hezuo.recommendation.service;

import io.hezuo.call.api.CallView;
import io.hezuo.call.api.LineView;
import io.hezuo.kernel.audit.AuditEntry;
import io.hezuo.kernel.audit.AuditLog;
import io.hezuo.kernel.error.BadRequestException;
import io.hezuo.kernel.error.NotFoundException;
import io.hezuo.kernel.i18n.Messages;
import io.hezuo.kernel.money.Money;
import io.hezuo.kernel.pdf.PdfContentCheck;
import io.hezuo.kernel.pdf.PdfDocument;
import io.hezuo.kernel.pdf.PdfRenderer;
import io.hezuo.kernel.rule.RuleViolation;
import io.hezuo.kernel.rule.RuleViolationException;
import io.hezuo.kernel.security.Caller;
import io.hezuo.kernel.security.Role;
import io.hezuo.kernel.time.Zones;
import io.hezuo.recommendation.api.DocumentView;
import io.hezuo.recommendation.api.SummaryTable;
import io.hezuo.recommendation.domain.Decision;
import io.hezuo.recommendation.domain.DocumentKind;
import io.hezuo.recommendation.domain.RecommendationDocument;
import io.hezuo.recommendation.domain.Round;
import io.hezuo.submission.api.ApplicationLifecycle;
import io.hezuo.submission.api.ApplicationView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * R2: the summary table (推荐汇总表) the system generates from the recommended set in ranking order, as
 * Excel and as PDF, and the three stamped PDFs bound to the set's hash.
 */
@ApplicationScoped
public class RecommendationDocuments {

  /** The largest stamped PDF accepted. */
  public static final long MAX_BYTES = 20L * 1024 * 1024;

  @PersistenceContext(unitName = "recommendation")
  EntityManager em;

  @Inject RecommenderContext context;
  @Inject Rounds rounds;
  @Inject ApplicationLifecycle applications;
  @Inject AuditLog audit;
  @Inject Caller caller;
  @Inject Clock clock;

  /** The signed-in recommender's summary table. */
  public SummaryTable summary() {
    RecommenderContext.Me me = context.me();
    return summary(me.call(), me.id(), me.unit().name());
  }

  /** A recommender's summary table, for the Department. */
  public SummaryTable summaryOf(long recommenderId) {
    caller.require(Role.OFFICER);
    CallView call = context.call();
    String name =
        context.recommenders().stream()
            .filter(o -> o.id() == recommenderId)
            .map(o -> o.name())
            .findFirst()
            .orElseThrow(() -> new NotFoundException("no recommending unit " + recommenderId));
    return summary(call, recommenderId, name);
  }

  SummaryTable summary(CallView call, long recommenderId, String recommenderName) {
    List<Decision> recommended = rounds.recommended(call.id(), recommenderId);
    List<Decision> ordered = new ArrayList<>();
    for (String g : Rounds.groups(call).keySet()) {
      recommended.stream().filter(d -> d.getRankGroup().equals(g)).forEach(ordered::add);
    }
    List<SummaryTable.Row> rows = new ArrayList<>();
    for (Decision d : ordered) {
      ApplicationView a = applications.read(d.getApplicationId());
      LineView line =
          call.lines().stream().filter(l -> l.code().equals(a.lineCode())).findFirst().orElse(null);
      rows.add(
          new SummaryTable.Row(
              d.getRankGroup(),
              d.getRankNo() == null ? 0 : d.getRankNo(),
              a.id(),
              a.acceptanceNo(),
              a.form().titleZh(),
              a.lineCode(),
              line == null ? a.lineCode() : line.name().zh(),
              context.unitName(a.organisationId()),
              a.piName(),
              Recommendations.subsidy(a)));
    }
    return new SummaryTable(
        call.id(),
        call.title().zh(),
        recommenderId,
        recommenderName,
        clock.instant(),
        rounds.setHash(ordered),
        rows);
  }

  /** The summary table as Excel: one sheet, a title, the hash, the rows in ranking order. */
  public byte[] summaryXlsx(SummaryTable t, Locale locale) {
    try (XSSFWorkbook wb = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = wb.createSheet(msg(locale, "recommendation.summary.sheet"));
      CellStyle bold = wb.createCellStyle();
      var font = wb.createFont();
      font.setBold(true);
      bold.setFont(font);
      int r = 0;
      cell(sheet.createRow(r++), 0, msg(locale, "recommendation.summary.title"), bold);
      cell(
          sheet.createRow(r++),
          0,
          msg(locale, "recommendation.summary.unit", t.recommenderName()),
          null);
      cell(sheet.createRow(r++), 0, t.callTitle(), null);
      cell(
          sheet.createRow(r++),
          0,
          msg(locale, "recommendation.summary.generated", Zones.format(t.generatedAt())),
          null);
      cell(sheet.createRow(r++), 0, msg(locale, "recommendation.summary.hash", t.setHash()), null);
      r++;
      Row head = sheet.createRow(r++);
      String[] cols = headers(locale);
      for (int i = 0; i < cols.length; i++) {
        cell(head, i, cols[i], bold);
      }
      int n = 1;
      for (SummaryTable.Row x : t.rows()) {
        Row row = sheet.createRow(r++);
        String[] v = values(x, n++, locale);
        for (int i = 0; i < v.length; i++) {
          cell(row, i, v[i], null);
        }
      }
      for (int i = 0; i < cols.length; i++) {
        sheet.setColumnWidth(i, i == 3 ? 40 * 256 : 16 * 256);
      }
      wb.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The summary table as PDF (Chinese text through the kernel's fonts), for stamping. */
  public byte[] summaryPdf(SummaryTable t, Locale locale) {
    String[] cols = headers(locale);
    float[] weights = {0.6f, 0.7f, 1.6f, 3.2f, 1.6f, 2.4f, 1.0f, 1.4f};
    List<PdfDocument.Column> columns = new ArrayList<>();
    for (int i = 0; i < cols.length; i++) {
      columns.add(
          new PdfDocument.Column(
              cols[i], weights[i], i == 7 ? PdfDocument.Align.RIGHT : PdfDocument.Align.LEFT));
    }
    List<PdfDocument.TableRow> rows = new ArrayList<>();
    int n = 1;
    for (SummaryTable.Row x : t.rows()) {
      rows.add(new PdfDocument.TableRow(List.of(values(x, n++, locale)), null, 0));
    }
    List<PdfDocument.Block> blocks = new ArrayList<>();
    blocks.add(
        new PdfDocument.Fields(
            List.of(
                new PdfDocument.Row(
                    msg(locale, "recommendation.summary.unitLabel"), t.recommenderName()),
                new PdfDocument.Row(msg(locale, "recommendation.summary.callLabel"), t.callTitle()),
                new PdfDocument.Row(
                    msg(locale, "recommendation.summary.generatedLabel"),
                    Zones.format(t.generatedAt())),
                new PdfDocument.Row(
                    msg(locale, "recommendation.summary.hashLabel"), t.setHash()))));
    blocks.add(new PdfDocument.Table(columns, rows));
    blocks.add(new PdfDocument.Paragraph(msg(locale, "recommendation.summary.stamp")));
    return PdfRenderer.render(
        new PdfDocument(
            msg(locale, "recommendation.summary.title"),
            t.recommenderName(),
            blocks,
            msg(locale, "recommendation.summary.footer", t.setHash().substring(0, 16))));
  }

  private static String[] headers(Locale locale) {
    return new String[] {
      msg(locale, "recommendation.summary.col.no"),
      msg(locale, "recommendation.summary.col.rank"),
      msg(locale, "recommendation.summary.col.acceptanceNo"),
      msg(locale, "recommendation.summary.col.title"),
      msg(locale, "recommendation.summary.col.line"),
      msg(locale, "recommendation.summary.col.unit"),
      msg(locale, "recommendation.summary.col.pi"),
      msg(locale, "recommendation.summary.col.subsidy")
    };
  }

  private static String[] values(SummaryTable.Row x, int n, Locale locale) {
    return new String[] {
      String.valueOf(n),
      x.rankGroup() + "-" + x.rank(),
      x.acceptanceNo(),
      x.title(),
      x.lineCode() + " " + x.lineName(),
      x.unitName() == null ? "" : x.unitName(),
      x.piName(),
      x.subsidy() == null ? "" : x.subsidy().display(locale)
    };
  }

  private static void cell(Row row, int col, String value, CellStyle style) {
    Cell c = row.createCell(col);
    c.setCellValue(value == null ? "" : value);
    if (style != null) {
      c.setCellStyle(style);
    }
  }

  private static String msg(Locale locale, String key, Object... args) {
    return Messages.get(locale, key, args);
  }

  /**
   * Uploads a stamped PDF of a kind, checked by its content; it is bound to the current set's hash
   * and replaces the previous file of its kind.
   */
  @Transactional
  public DocumentView upload(String kind, String fileName, byte[] content) {
    RecommenderContext.Me me = context.me();
    DocumentKind k = kind(kind);
    String name =
        fileName == null || fileName.isBlank() ? k.name().toLowerCase() + ".pdf" : fileName.trim();
    if (name.length() > 200 || name.matches(".*[/\\\\\\p{Cntrl}].*")) {
      throw new RuleViolationException(
          RuleViolation.error("R2", "document" + k.name(), "recommendation.document.badName"));
    }
    PdfContentCheck.Result check =
        PdfContentCheck.check(content == null ? new byte[0] : content, name, MAX_BYTES);
    if (!check.accepted()) {
      List<Object> args = new ArrayList<>();
      args.add(name);
      args.addAll(check.args());
      throw new RuleViolationException(
          RuleViolation.error(
              "R2",
              "document" + k.name(),
              "recommendation.document." + check.problem().suffix(),
              args.toArray()));
    }
    Round round = rounds.locked(me.call().id(), me.id());
    rounds.requireOpen(round, me.call());
    String hash = rounds.setHash(rounds.recommended(me.call().id(), me.id()));
    for (RecommendationDocument old : rounds.documents(me.call().id(), me.id())) {
      if (old.getKind() == k) {
        old.voidBecause(RecommendationDocument.REPLACED, clock.instant());
      }
    }
    RecommendationDocument d =
        new RecommendationDocument(
            me.call().id(),
            me.id(),
            k,
            name,
            content,
            check.pages(),
            check.sha256Hex(),
            hash,
            me.username(),
            clock.instant());
    em.persist(d);
    em.flush();
    audit.record(
        new AuditEntry(
            me.username(),
            Role.RECOMMENDER,
            Recommendations.ROUND,
            String.valueOf(round.getId()),
            "recommendation-upload",
            null,
            k.name(),
            name + " (" + check.sha256Hex().substring(0, 12) + ")"));
    return rounds.documentViews(me.call().id(), me.id()).stream()
        .filter(v -> v.kind().equals(k.name()))
        .findFirst()
        .orElseThrow();
  }

  /** An uploaded document's bytes: the recommender's own, or any for the Department. */
  public Download document(long documentId) {
    RecommendationDocument d = em.find(RecommendationDocument.class, documentId);
    if (d == null) {
      throw new NotFoundException("no document " + documentId);
    }
    if (!caller.hasRole(Role.OFFICER)) {
      RecommenderContext.Me me = context.me();
      if (d.getRecommenderId() != me.id()) {
        throw new NotFoundException("no document " + documentId);
      }
    }
    return new Download(d.getFileName(), d.getContent());
  }

  /** A file to send. */
  public record Download(String fileName, byte[] content) {}

  static DocumentKind kind(String kind) {
    try {
      return DocumentKind.valueOf(kind == null ? "" : kind.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new BadRequestException("unknown document kind " + kind);
    }
  }

  static Money total(SummaryTable t) {
    return t.rows().stream()
        .map(SummaryTable.Row::subsidy)
        .filter(java.util.Objects::nonNull)
        .reduce(Money.of("0"), Money::plus);
  }
}
