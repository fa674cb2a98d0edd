/**
 * Public API of the recommendation module: the facade, records and CDI events other modules may
 * use.
 */
package io.hezuo.recommendation.api;
