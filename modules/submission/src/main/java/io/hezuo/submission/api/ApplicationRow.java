package io.hezuo.submission.api;

import io.hezuo.kernel.money.Money;
import java.io.Serializable;
import java.time.Instant;

/**
 * One application in a list: what a table of applications shows, with the applying unit and the
 * recommending unit it reports to by name (null when the unit reports to none).
 */
public record ApplicationRow(
    long id,
    long callId,
    String lineCode,
    String status,
    String acceptanceNo,
    String titleZh,
    String titleEn,
    String piName,
    long applyingUnitId,
    String applyingUnitName,
    Long recommendingUnitId,
    String recommendingUnitName,
    @jakarta.json.bind.annotation.JsonbTypeAdapter(io.hezuo.call.api.MoneyJsonAdapter.class)
        Money subsidy,
    Instant submittedAt)
    implements Serializable {}
