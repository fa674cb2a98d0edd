/**
 * Entities, value objects and rules of the directory module as plain Java (no CDI, Faces or
 * JAX-RS).
 */
package io.hezuo.directory.domain;
