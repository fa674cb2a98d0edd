/** Faces backing beans of the submission module, one per view. */
package io.hezuo.submission.web;
