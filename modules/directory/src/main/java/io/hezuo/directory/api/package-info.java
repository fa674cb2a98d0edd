/** Public API of the directory module: the facade, records and CDI events other modules may use. */
package io.hezuo.directory.api;
