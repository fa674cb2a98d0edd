/**
 * Value types and small services every module shares: {@code Money}, rule violations, the clock,
 * the append-only audit log and i18n helpers.
 */
package io.hezuo.kernel;
