package io.hezuo.directory.api;

/** What a researcher types to register. {@code idType} is a name of {@code IdDocumentType}. */
public record RegistrationRequest(
    Long organisationId,
    String name,
    String idType,
    String idNumber,
    String phone,
    String email,
    String username,
    String password,
    String passwordRepeat) {}
