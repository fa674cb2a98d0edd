package io.hezuo.submission.service;

import io.hezuo.kernel.error.AccessDeniedException;
import io.hezuo.kernel.error.NotFoundException;
import io.hezuo.submission.domain.Application;
import io.hezuo.submission.domain.Attachment;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * An attachment's bytes for whoever may read its application: the PI, an admin of the PI's unit
 * (once submitted), an officer or a formal reviewer (once submitted). Anyone else signed in is
 * refused (403); an attachment that is not the application's is not found (404).
 */
@ApplicationScoped
public class AttachmentFiles {

  @PersistenceContext(unitName = "submission")
  EntityManager em;

  @Inject Applications applications;

  /** A file as it was uploaded: its name, its exact bytes and their SHA-256. */
  public record File(String fileName, String kind, byte[] content, String sha256) {}

  public File content(long applicationId, long attachmentId) {
    Attachment t = em.find(Attachment.class, attachmentId);
    if (t == null || t.getApplicationId() != applicationId) {
      throw new NotFoundException("no attachment " + attachmentId + " of " + applicationId);
    }
    try {
      Application a = applications.readable(applicationId);
      return new File(t.getFileName(), t.getKind().name(), t.getContent(), t.getSha256());
    } catch (NotFoundException e) {
      throw new AccessDeniedException("this attachment is not yours to read");
    }
  }
}
