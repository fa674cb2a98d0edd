/**
 * Public API of the formal-review module: the facade, records and CDI events other modules may use.
 */
package io.hezuo.formalreview.api;
