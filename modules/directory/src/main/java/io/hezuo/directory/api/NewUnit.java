package io.hezuo.directory.api;

/**
 * A unit the Department enters: {@code type} is a name of the directory's organisation types
 * (ENTERPRISE, UNIVERSITY, INSTITUTE, MEDICAL, GOVERNMENT, OTHER); {@code recommenderId} the
 * recommending unit it reports to (optional).
 */
public record NewUnit(
    String name,
    String creditCode,
    String type,
    String city,
    boolean recommending,
    Long recommenderId) {}
