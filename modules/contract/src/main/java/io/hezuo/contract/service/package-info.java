/**
 * Transactional use cases of the contract module; implements the api and checks role and ownership.
 */
package io.hezuo.contract.service;
