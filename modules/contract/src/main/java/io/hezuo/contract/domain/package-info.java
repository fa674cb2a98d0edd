/**
 * Entities, value objects and rules of the contract module as plain Java (no CDI, Faces or JAX-RS).
 */
package io.hezuo.contract.domain;
