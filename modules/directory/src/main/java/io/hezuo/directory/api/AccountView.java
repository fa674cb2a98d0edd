package io.hezuo.directory.api;

import java.util.Set;

/** What other modules may know of an account. */
public record AccountView(
    long id,
    String username,
    String personName,
    Long personId,
    Long organisationId,
    String organisationName,
    String organisationType,
    Set<String> roles,
    String status,
    String idType,
    String idNumber) {}
