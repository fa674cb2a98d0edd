/** Faces backing beans of the directory module, one per view. */
package io.hezuo.directory.web;
