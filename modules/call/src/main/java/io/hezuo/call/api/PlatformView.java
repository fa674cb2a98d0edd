package io.hezuo.call.api;

import java.io.Serializable;

/**
 * An A2 platform: a named centre or lab, or a kind of carrier (then the limit applies to each
 * carrier of the kind). {@code requiresOverseasCoBuilder}: it must apply together with its overseas
 * co-building unit (G9).
 */
public record PlatformView(
    String code,
    PlatformKind kind,
    Text name,
    int applicationLimit,
    boolean requiresOverseasCoBuilder)
    implements Serializable {}
