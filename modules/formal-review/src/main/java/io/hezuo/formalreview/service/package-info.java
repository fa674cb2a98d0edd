/**
 * Transactional use cases of the formal-review module; implements the api and checks role and
 * ownership.
 */
package io.hezuo.formalreview.service;
