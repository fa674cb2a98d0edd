/**
 * Transactional use cases of the expert-scoring module; implements the api and checks role and
 * ownership.
 */
package io.hezuo.scoring.service;
