/** JAX-RS resources of the submission module under /api/v1/submission. */
package io.hezuo.submission.rest;
