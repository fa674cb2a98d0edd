package io.hezuo.call.api;

import java.io.Serializable;
import java.time.Instant;

/**
 * An in-province host unit (依托单位) of an A2 platform: for a named centre or lab the unit that hosts
 * it; for a kind of carrier one carrier ({@code carrierName}) and its host; {@code
 * overseasCoBuilder} the overseas co-building unit a provincial international joint lab applies
 * with (G9).
 */
public record PlatformHostView(
    long id,
    String lineCode,
    String platformCode,
    long organisationId,
    String carrierName,
    String overseasCoBuilder,
    String addedBy,
    Instant addedAt,
    String reason)
    implements Serializable {}
