/** Faces backing beans of the contract module, one per view. */
package io.hezuo.contract.web;
