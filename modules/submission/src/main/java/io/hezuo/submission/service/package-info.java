/**
 * Transactional use cases of the submission module; implements the api and checks role and
 * ownership.
 */
package io.hezuo.submission.service;
