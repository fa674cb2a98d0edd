package io.hezuo.call.service;

/** Fired in the transaction that changed a call's catalogue; observed after it commits. */
public record CatalogueChanged(long callId) {}
