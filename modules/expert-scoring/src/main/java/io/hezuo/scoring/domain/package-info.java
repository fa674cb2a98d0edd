/**
 * Entities, value objects and rules of the expert-scoring module as plain Java (no CDI, Faces or
 * JAX-RS).
 */
package io.hezuo.scoring.domain;
