/**
 * Transactional use cases of the recommendation module; implements the api and checks role and
 * ownership.
 */
package io.hezuo.recommendation.service;
