package io.hezuo.kernel.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The roles that may call a REST resource method (or every method of a resource class): kernel's
 * {@code RestAccess} filter answers 401 to the anonymous and 403 to other roles <em>before the body
 * is read</em>. No roles listed: any signed-in caller. Ownership (whose application, which area) is
 * still checked by the service. A method with neither {@code @Allow} nor {@link Public} is refused
 * to everyone (fail closed), and a test lists every JAX-RS method to keep it so.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Allow {
  Role[] value() default {};
}
