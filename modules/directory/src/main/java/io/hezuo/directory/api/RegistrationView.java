package io.hezuo.directory.api;

import java.time.Instant;

/** A pending registration as the unit admin sees it (the ID number masked). */
public record RegistrationView(
    long accountId,
    String username,
    String name,
    String idType,
    String maskedIdNumber,
    String phone,
    String email,
    Instant registeredAt) {}
