/**
 * Entities, value objects and rules of the recommendation module as plain Java (no CDI, Faces or
 * JAX-RS).
 */
package io.hezuo.recommendation.domain;
