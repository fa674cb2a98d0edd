/** JAX-RS resources of the recommendation module under /api/v1/recommendation. */
package io.hezuo.recommendation.rest;
