/** JAX-RS resources of the directory module under /api/v1/directory. */
package io.hezuo.directory.rest;
