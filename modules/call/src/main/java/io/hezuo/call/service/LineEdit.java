package io.hezuo.call.service;

/**
 * The new cap (CNY as typed, e.g. {@code 1500000.00}) and texts of one line, with the version the
 * officer started from.
 */
public record LineEdit(
    String code,
    long version,
    String cap,
    String nameZh,
    String nameEn,
    String contentZh,
    String contentEn) {}
