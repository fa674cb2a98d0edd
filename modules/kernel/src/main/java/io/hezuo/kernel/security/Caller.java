package io.hezuo.kernel.security;

import io.hezuo.kernel.error.AccessDeniedException;
import io.hezuo.kernel.error.NotSignedInException;
import jakarta.enterprise.context.RequestScoped;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * Who is calling in this request, and in which roles: the application's own authorization, set once
 * per request by web's authentication filter from the signed-in session (or from HTTP Basic
 * credentials checked by the directory) and read by every service's role and ownership checks.
 *
 * <p>It replaces {@code jakarta.security.enterprise.SecurityContext}: Payara's container security
 * context shares state between threads (payara/Payara#6145, fixed only after Payara Micro 6) and
 * answered "not in role" to 4.5 % of concurrent requests. This bean is plain request state, so the
 * answer cannot depend on another thread. {@code modules/web/README.md} tells the whole story.
 */
@RequestScoped
public class Caller {

  private String username;
  private Set<Role> roles = Set.of();

  /**
   * Web's authentication filter: this request is made by this account, in these roles (their names,
   * as the session and the directory hold them).
   */
  public void signedIn(String username, Set<String> roles) {
    this.username = username;
    this.roles = Set.copyOf(Role.of(roles));
  }

  public boolean isSignedIn() {
    return username != null;
  }

  /** The signed-in user's name, if any. */
  public Optional<String> username() {
    return Optional.ofNullable(username);
  }

  /** The user name, or 401 when nobody signed in. */
  public String name() {
    if (username == null) {
      throw new NotSignedInException("sign in first");
    }
    return username;
  }

  public Set<Role> roles() {
    return roles;
  }

  public boolean hasRole(Role role) {
    return username != null && roles.contains(role);
  }

  public boolean hasAnyRole(Role... anyOf) {
    return Arrays.stream(anyOf).anyMatch(this::hasRole);
  }

  /**
   * The user name when the caller holds one of the roles; 401 when nobody signed in, 403 when the
   * caller holds none of them.
   */
  public String require(Role... anyOf) {
    String name = name();
    if (!hasAnyRole(anyOf)) {
      throw new AccessDeniedException(
          "this needs the role " + String.join("/", Arrays.stream(anyOf).map(Role::name).toList()));
    }
    return name;
  }
}
