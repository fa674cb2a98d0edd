package io.hezuo.submission.api;

import java.io.Serializable;

/** How many applications of a call are in one line and one status. */
public record ApplicationCount(String lineCode, String status, long count)
    implements Serializable {}
