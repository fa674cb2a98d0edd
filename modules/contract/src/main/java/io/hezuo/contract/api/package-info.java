/** Public API of the contract module: the facade, records and CDI events other modules may use. */
package io.hezuo.contract.api;
