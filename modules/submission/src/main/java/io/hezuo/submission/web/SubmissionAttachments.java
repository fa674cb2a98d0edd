package io.hezuo.submission.web;

import io.hezuo.kernel.faces.FacesViolations;
import io.hezuo.kernel.rule.RuleViolationException;
import io.hezuo.submission.api.ApplicationView;
import io.hezuo.submission.document.PdfAttachmentCheck;
import io.hezuo.submission.domain.AttachmentKind;
import io.hezuo.submission.service.Applications;
import io.hezuo.submission.service.Attachments;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import org.primefaces.model.file.UploadedFile;

/** Backing bean of {@code app/submission/attachments.xhtml}: PDFs checked by their content. */
@Named("submissionAttachments")
@ViewScoped
public class SubmissionAttachments implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject Applications service;
  @Inject Attachments attachments;

  private long id;
  private ApplicationView app;
  private String kind = AttachmentKind.COOPERATION_AGREEMENT.name();
  private transient UploadedFile file;

  public void load() throws IOException {
    try {
      app = service.get(id);
    } catch (io.hezuo.kernel.error.HezuoException e) {
      FacesContext.getCurrentInstance().getExternalContext().responseSendError(404, "");
      FacesContext.getCurrentInstance().responseComplete();
    }
  }

  public void upload() {
    if (file == null || file.getSize() == 0) {
      FacesViolations.error("submission.attachment.empty", "");
      return;
    }
    try {
      app =
          attachments.attach(
              id, AttachmentKind.valueOf(kind), file.getFileName(), file.getContent());
      FacesViolations.info("submission.attachments.uploaded", file.getFileName());
    } catch (RuleViolationException e) {
      FacesViolations.show("att", e.violations());
    }
  }

  public List<String> getKinds() {
    return Arrays.stream(AttachmentKind.values()).map(Enum::name).toList();
  }

  public int getMaxMegabytes() {
    return PdfAttachmentCheck.MAX_MEGABYTES;
  }

  public long getId() {
    return id;
  }

  public void setId(long id) {
    this.id = id;
  }

  public ApplicationView getApp() {
    return app;
  }

  public String getKind() {
    return kind;
  }

  public void setKind(String kind) {
    this.kind = kind;
  }

  public UploadedFile getFile() {
    return file;
  }

  public void setFile(UploadedFile file) {
    this.file = file;
  }
}
