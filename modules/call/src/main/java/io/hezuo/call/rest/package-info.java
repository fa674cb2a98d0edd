/** JAX-RS resources of the call module under /api/v1/call. */
package io.hezuo.call.rest;
