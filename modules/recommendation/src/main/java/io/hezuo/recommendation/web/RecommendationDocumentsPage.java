package io.hezuo.recommendation.web;

import io.hezuo.kernel.faces.FacesViolations;
import io.hezuo.kernel.i18n.Messages;
import io.hezuo.kernel.rule.RuleViolationException;
import io.hezuo.kernel.time.Zones;
import io.hezuo.recommendation.api.DocumentView;
import io.hezuo.recommendation.api.RoundView;
import io.hezuo.recommendation.api.SummaryTable;
import io.hezuo.recommendation.service.RecommendationDocuments;
import io.hezuo.recommendation.service.Recommendations;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.primefaces.model.file.UploadedFile;

/**
 * Backing bean of {@code app/recommendation/documents.xhtml}: the summary table to download, the
 * three stamped PDFs (upload, valid or void and why), what still blocks handing in, and the submit.
 */
@Named("recommendationDocuments")
@ViewScoped
public class RecommendationDocumentsPage implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The three stamped documents, in the order shown. */
  public static final List<String> KINDS = List.of("LETTER", "SUMMARY", "COMMITMENT");

  @Inject Recommendations service;
  @Inject RecommendationDocuments documents;

  private RoundView round;
  private SummaryTable summary;
  private List<String> blockers = List.of();
  private transient UploadedFile fileLETTER;
  private transient UploadedFile fileSUMMARY;
  private transient UploadedFile fileCOMMITMENT;

  public void load() {
    round = service.round();
    summary = documents.summary();
    Locale l = RecommenderFaces.locale();
    List<String> b = new ArrayList<>();
    if (round.undecided() > 0) {
      b.add(Messages.get(l, "recommendation.rule.undecided", round.undecided()));
    }
    if (round.recommended() == 0) {
      b.add(Messages.get(l, "recommendation.rule.noneRecommended"));
    }
    round.quotas().stream()
        .filter(q -> q.places() != null && q.used() > q.places())
        .forEach(
            q ->
                b.add(
                    Messages.get(
                        l, "recommendation.rule.r1.over", q.group(), q.places(), q.used())));
    for (String k : KINDS) {
      Optional<DocumentView> d = document(k);
      if (d.isEmpty()) {
        b.add(Messages.get(l, "recommendation.rule.r2.missing." + k));
      } else if (!d.get().valid()) {
        b.add(Messages.get(l, "recommendation.rule.r2.void." + k));
      }
    }
    blockers = b;
  }

  /** The current (latest) document of a kind, valid or not. */
  public Optional<DocumentView> document(String kind) {
    return round.documents().stream()
        .filter(d -> d.kind().equals(kind))
        .max((a, b) -> a.uploadedAt().compareTo(b.uploadedAt()));
  }

  public DocumentView current(String kind) {
    return document(kind).orElse(null);
  }

  public void uploadLETTER() {
    upload("LETTER", fileLETTER);
  }

  public void uploadSUMMARY() {
    upload("SUMMARY", fileSUMMARY);
  }

  public void uploadCOMMITMENT() {
    upload("COMMITMENT", fileCOMMITMENT);
  }

  private void upload(String kind, UploadedFile file) {
    try {
      DocumentView d =
          documents.upload(
              kind,
              file == null ? null : file.getFileName(),
              file == null ? new byte[0] : file.getContent());
      FacesViolations.info("recommendation.web.uploaded", d.fileName());
    } catch (RuleViolationException e) {
      FacesViolations.show("docs", e.violations());
    }
    load();
  }

  public void submit() {
    try {
      service.submit();
      FacesViolations.info("recommendation.web.submittedOk");
    } catch (RuleViolationException e) {
      FacesViolations.show("submitForm", e.violations());
    }
    load();
  }

  public boolean isSubmitted() {
    return "SUBMITTED".equals(round.status());
  }

  public String format(Instant at) {
    return at == null ? "—" : Zones.format(at);
  }

  /** A size in KB with one decimal. */
  public String size(long bytes) {
    return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
  }

  /** The language for the summary's download links ({@code zh} or {@code en}). */
  public String getLang() {
    return Messages.ENGLISH.equals(RecommenderFaces.locale()) ? "en" : "zh";
  }

  public List<String> getKinds() {
    return KINDS;
  }

  public RoundView getRound() {
    return round;
  }

  public SummaryTable getSummary() {
    return summary;
  }

  public List<String> getBlockers() {
    return blockers;
  }

  public UploadedFile getFileLETTER() {
    return fileLETTER;
  }

  public void setFileLETTER(UploadedFile f) {
    this.fileLETTER = f;
  }

  public UploadedFile getFileSUMMARY() {
    return fileSUMMARY;
  }

  public void setFileSUMMARY(UploadedFile f) {
    this.fileSUMMARY = f;
  }

  public UploadedFile getFileCOMMITMENT() {
    return fileCOMMITMENT;
  }

  public void setFileCOMMITMENT(UploadedFile f) {
    this.fileCOMMITMENT = f;
  }
}
