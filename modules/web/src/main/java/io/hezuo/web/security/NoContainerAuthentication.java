package io.hezuo.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Tells the container to authenticate nobody: every request stays anonymous to Payara and {@link
 * AuthenticationFilter} does the application's own sign-in. Without an authentication mechanism of
 * the application, Payara's web container answers any request carrying an {@code Authorization:
 * Basic} header itself (an HTML 401 against its default file realm) before the filter sees it.
 * Since this mechanism never signs anyone in, the container's security context (whose race is
 * payara/Payara#6145) never holds a caller and nothing of ours reads it.
 */
@ApplicationScoped
public class NoContainerAuthentication implements HttpAuthenticationMechanism {

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    return context.doNothing();
  }
}
