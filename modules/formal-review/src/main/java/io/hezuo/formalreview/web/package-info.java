/** Faces backing beans of the formal-review module, one per view. */
package io.hezuo.formalreview.web;
