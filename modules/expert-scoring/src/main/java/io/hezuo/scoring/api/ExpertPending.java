package io.hezuo.scoring.api;

import java.io.Serializable;
import java.time.Instant;

/**
 * An expert's work in the current call, for the home page: reviews still to finish, those
 * submitted, the deadline (null: none set) and whether it has passed.
 */
public record ExpertPending(long toFinish, long submitted, Instant closesAt, boolean closed)
    implements Serializable {}
