/** Faces backing beans of the call module, one per view. */
package io.hezuo.call.web;
