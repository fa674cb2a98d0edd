package io.hezuo.submission.api;

import java.io.Serializable;

/**
 * What identifies the content of an application as submitted: its acceptance number and the SHA-256
 * of its content (e.g. for the hash of a recommended set).
 */
public record ContentStamp(long id, String acceptanceNo, String contentSha256)
    implements Serializable {}
