package io.hezuo.kernel.job;

/**
 * A CDI event: an import job ended (DONE, REFUSED or FAILED), fired in the transaction that ended
 * it; the importing module drops what the job staged.
 */
public record ImportJobEnded(long id, String kind, String status) {}
