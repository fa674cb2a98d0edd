/** Faces backing beans of the expert-scoring module, one per view. */
package io.hezuo.scoring.web;
