package io.hezuo.kernel.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The largest request body a REST method accepts, in bytes; without it a method accepts {@link
 * #DEFAULT} (JSON bodies are small). A declared {@code Content-Length} over the limit is answered
 * 413 before anything is read; a body without one is cut off at the limit with 413.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface MaxBody {
  long DEFAULT = 1024 * 1024;

  long value();
}
