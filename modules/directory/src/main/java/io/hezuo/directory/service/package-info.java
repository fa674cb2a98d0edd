/**
 * Transactional use cases of the directory module; implements the api and checks role and
 * ownership.
 */
package io.hezuo.directory.service;
