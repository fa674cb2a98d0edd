/**
 * Entities, value objects and rules of the formal-review module as plain Java (no CDI, Faces or
 * JAX-RS).
 */
package io.hezuo.formalreview.domain;
