/**
 * Public API of the submission module: the facade, records and CDI events other modules may use.
 */
package io.hezuo.submission.api;
