/** JAX-RS resources of the expert-scoring module under /api/v1/expert-scoring. */
package io.hezuo.scoring.rest;
