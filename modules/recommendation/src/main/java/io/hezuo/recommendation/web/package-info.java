/** Faces backing beans of the recommendation module, one per view. */
package io.hezuo.recommendation.web;
