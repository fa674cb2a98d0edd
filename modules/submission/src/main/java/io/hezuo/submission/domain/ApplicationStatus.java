package io.hezuo.submission.domain;

/** Where an application stands in submission (later stages belong to downstream modules). */
public enum ApplicationStatus {
  DRAFT,
  SUBMITTED,
  WITHDRAWN,
  RETURNED,
  CONFIRMED;

  /** The PI may edit a draft, and an application the unit returned. */
  public boolean isEditable() {
    return this == DRAFT || this == RETURNED;
  }
}
