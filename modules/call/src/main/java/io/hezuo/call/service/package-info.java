/** Transactional use cases of the call module; implements the api and checks role and ownership. */
package io.hezuo.call.service;
