/**
 * Entities, value objects and rules of the submission module as plain Java (no CDI, Faces or
 * JAX-RS).
 */
package io.hezuo.submission.domain;
