/** Entities, value objects and rules of the call module as plain Java (no CDI, Faces or JAX-RS). */
package io.hezuo.call.domain;
