package io.hezuo.submission.api;

import java.io.Serializable;
import java.time.Instant;

/**
 * The short answer to a saved draft ({@code Prefer: return=minimal}): what an autosaving client
 * needs for its next save, the version, without the whole application.
 */
public record SavedDraft(long id, long version, Instant updatedAt) implements Serializable {}
