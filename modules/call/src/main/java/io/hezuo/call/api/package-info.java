/** Public API of the call module: the facade, records and CDI events other modules may use. */
package io.hezuo.call.api;
