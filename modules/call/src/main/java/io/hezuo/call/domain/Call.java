package io.hezuo.call.domain;

import io.hezuo.call.api.CallView;
import io.hezuo.call.api.Text;
import io.hezuo.call.api.Window;
import io.hezuo.kernel.rule.RuleViolation;
import io.hezuo.kernel.time.Zones;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A call (申报批次): its year, notice date and deadlines, and its programme lines. */
@Entity
@Table(name = "call_call")
public class Call {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "code", nullable = false, updatable = false)
  private String code;

  @Column(name = "call_year", nullable = false)
  private int year;

  @Column(name = "status", nullable = false)
  private String status;

  @Column(name = "title_zh", nullable = false)
  private String titleZh;

  @Column(name = "title_en", nullable = false)
  private String titleEn;

  @Column(name = "issuer_zh", nullable = false)
  private String issuerZh;

  @Column(name = "issuer_en", nullable = false)
  private String issuerEn;

  @Column(name = "notice_date", nullable = false)
  private LocalDate noticeDate;

  @Column(name = "submission_opens_at", nullable = false)
  private Instant submissionOpensAt;

  @Column(name = "submission_closes_at", nullable = false)
  private Instant submissionClosesAt;

  @Column(name = "recommendation_closes_at", nullable = false)
  private Instant recommendationClosesAt;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  @OneToMany(mappedBy = "call")
  @OrderBy("sortOrder")
  private List<Line> lines = new ArrayList<>();

  protected Call() {}

  /** A call in memory (tests, imports); the seeded ones come from the migration. */
  Call(String code, int year, LocalDate noticeDate, Instant opens, Instant closes, Instant rec) {
    this.code = code;
    this.year = year;
    this.status = "PUBLISHED";
    this.titleZh = code;
    this.titleEn = code;
    this.issuerZh = "";
    this.issuerEn = "";
    this.noticeDate = noticeDate;
    this.submissionOpensAt = opens;
    this.submissionClosesAt = closes;
    this.recommendationClosesAt = rec;
  }

  /** Submission is open while {@code opens <= now < closes}: 17:29:59 yes, 17:30:00 no (D1). */
  public boolean isSubmissionOpen(Instant now) {
    return new Window(submissionOpensAt, submissionClosesAt).isOpenAt(now);
  }

  /** Recommendation is open while {@code opens <= now < recommendation closes} (D1, R2). */
  public boolean isRecommendationOpen(Instant now) {
    return new Window(submissionOpensAt, recommendationClosesAt).isOpenAt(now);
  }

  /**
   * Checks new deadlines: all three given (C6), submission closes after it opens (C1), and
   * recommendation closes after submission closes (C2).
   */
  public static List<RuleViolation> checkSchedule(Instant opens, Instant closes, Instant rec) {
    List<RuleViolation> v = new ArrayList<>();
    if (opens == null) {
      v.add(RuleViolation.error("C6", "submissionOpensAt", "call.edit.error.required"));
    }
    if (closes == null) {
      v.add(RuleViolation.error("C6", "submissionClosesAt", "call.edit.error.required"));
    }
    if (rec == null) {
      v.add(RuleViolation.error("C6", "recommendationClosesAt", "call.edit.error.required"));
    }
    if (opens != null && closes != null && !closes.isAfter(opens)) {
      v.add(
          RuleViolation.error(
              "C1",
              "submissionClosesAt",
              "call.edit.error.closesBeforeOpens",
              Zones.format(closes),
              Zones.format(opens)));
    }
    if (closes != null && rec != null && !rec.isAfter(closes)) {
      v.add(
          RuleViolation.error(
              "C2",
              "recommendationClosesAt",
              "call.edit.error.recommendationBeforeSubmission",
              Zones.format(rec),
              Zones.format(closes)));
    }
    return v;
  }

  /**
   * Sets new deadlines (checked with {@link #checkSchedule} first) and returns what changed as
   * {@code [before, after]} text, or empty when nothing changed.
   */
  public Optional<String[]> reschedule(Instant opens, Instant closes, Instant rec) {
    List<RuleViolation> v = checkSchedule(opens, closes, rec);
    if (!v.isEmpty()) {
      throw new IllegalArgumentException("check the schedule first: " + v);
    }
    Changes c = new Changes();
    c.add("submissionOpensAt", Zones.format(submissionOpensAt), Zones.format(opens));
    c.add("submissionClosesAt", Zones.format(submissionClosesAt), Zones.format(closes));
    c.add("recommendationClosesAt", Zones.format(recommendationClosesAt), Zones.format(rec));
    this.submissionOpensAt = opens;
    this.submissionClosesAt = closes;
    this.recommendationClosesAt = rec;
    return c.result();
  }

  public CallView toView() {
    return new CallView(
        id == null ? 0 : id,
        code,
        year,
        new Text(titleZh, titleEn),
        new Text(issuerZh, issuerEn),
        noticeDate,
        submissionOpensAt,
        submissionClosesAt,
        recommendationClosesAt,
        version,
        lines.stream().map(Line::toView).toList());
  }

  public Long getId() {
    return id;
  }

  public String getCode() {
    return code;
  }

  public int getYear() {
    return year;
  }

  public long getVersion() {
    return version;
  }

  public Instant getSubmissionOpensAt() {
    return submissionOpensAt;
  }

  public Instant getSubmissionClosesAt() {
    return submissionClosesAt;
  }

  public Instant getRecommendationClosesAt() {
    return recommendationClosesAt;
  }

  public List<Line> getLines() {
    return List.copyOf(lines);
  }

  public Optional<Line> line(String lineCode) {
    return lines.stream().filter(l -> l.getCode().equals(lineCode)).findFirst();
  }

  void addLine(Line line) {
    lines.add(line);
  }
}
