/** JAX-RS resources of the contract module under /api/v1/contract. */
package io.hezuo.contract.rest;
