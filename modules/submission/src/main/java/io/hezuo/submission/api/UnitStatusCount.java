package io.hezuo.submission.api;

import java.io.Serializable;

/** How many applications of a call one applying unit has in one status. */
public record UnitStatusCount(long organisationId, String status, long count)
    implements Serializable {}
