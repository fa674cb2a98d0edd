package io.hezuo.formalreview.web;

import io.hezuo.formalreview.service.RoundSimilarity;
import io.hezuo.kernel.error.HezuoException;
import io.hezuo.kernel.faces.FacesViolations;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Backing bean of {@code app/formal-review/similarity.xhtml}: an application of the round beside
 * one of its sources (an application of the round or a document of the library of earlier
 * projects), the copied passages marked in both (formal reviewers and officers only).
 */
@Named("frSimilarity")
@RequestScoped
public class FormalReviewSimilarity {

  @Inject RoundSimilarity similarity;

  private long id;
  private long source;
  private Long library;
  private RoundSimilarity.Pair pair;

  public void load() {
    try {
      pair =
          library != null
              ? similarity.sideBySideLibrary(id, library)
              : similarity.sideBySide(id, source);
    } catch (HezuoException e) {
      pair = null;
      FacesViolations.error("formalreview.web.notFound");
    }
  }

  public RoundSimilarity.Pair getPair() {
    return pair;
  }

  public long getId() {
    return id;
  }

  public void setId(long id) {
    this.id = id;
  }

  public long getSource() {
    return source;
  }

  public void setSource(long source) {
    this.source = source;
  }

  /** A library document's id (the source is then that document, not an application). */
  public Long getLibrary() {
    return library;
  }

  public void setLibrary(Long library) {
    this.library = library;
  }
}
