/** JAX-RS resources of the formal-review module under /api/v1/formal-review. */
package io.hezuo.formalreview.rest;
