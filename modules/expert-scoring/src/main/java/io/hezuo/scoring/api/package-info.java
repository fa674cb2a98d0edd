/**
 * Public API of the expert-scoring module: the facade, records and CDI events other modules may
 * use.
 */
package io.hezuo.scoring.api;
