package io.hezuo.directory.api;

import java.util.List;

/**
 * A white-listed platform base. {@code level} is NATIONAL, MINISTERIAL, PROVINCIAL or DEPARTMENT;
 * {@code fields} are the fields it works in (Chinese, as imported).
 */
public record PlatformView(
    long id,
    String name,
    String level,
    long hostOrganisationId,
    String hostName,
    List<String> fields,
    int memberCount) {}
