package io.hezuo.submission.api;

import java.io.Serializable;

/**
 * An application's PI as rule G2 knows a person: by ID document (type and number as stored), with
 * the name the application gives, for formal review over the whole round.
 */
public record PiDocument(
    long applicationId,
    String acceptanceNo,
    String lineCode,
    String status,
    String idType,
    String idNumber,
    String piName)
    implements Serializable {}
