package io.hezuo.directory.api;

/**
 * How to reach the person of an account, as the directory holds it (from the registration): phone
 * and e-mail, each null when not held. For documents that name the person (the application's PI).
 */
public record ContactView(String phone, String email) {}
