package io.hezuo.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.AutoApplySession;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * How callers sign in, against the directory's identity store (the same PBKDF2 check, lockout and
 * audit for both):
 *
 * <ul>
 *   <li>people: the form on {@code /login.xhtml} ({@link LoginBean} calls {@code
 *       SecurityContext.authenticate} with the typed credential); a protected page first sends them
 *       there;
 *   <li>machine clients of the REST API (another platform exchanging data): HTTP Basic on {@code
 *       /api/} over TLS. A wrong user name or password answers 401 with {@code WWW-Authenticate}.
 *       The session is kept (cookie), so a client that sends it back is not checked again on every
 *       call (each check costs a PBKDF2 hash).
 * </ul>
 */
@AutoApplySession
@LoginToContinue(loginPage = "/login.xhtml", errorPage = "")
@ApplicationScoped
public class HezuoAuthentication implements HttpAuthenticationMechanism {

  @Inject IdentityStoreHandler identityStores;

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    String header = request.getHeader("Authorization");
    if (header != null
        && header.regionMatches(true, 0, "Basic ", 0, 6)
        && request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
      return basic(header.substring(6).trim(), response, context);
    }
    if (!context.isAuthenticationRequest()) {
      return context.doNothing();
    }
    Credential credential = context.getAuthParameters().getCredential();
    if (!(credential instanceof UsernamePasswordCredential)) {
      return context.doNothing();
    }
    return context.notifyContainerAboutLogin(identityStores.validate(credential));
  }

  private AuthenticationStatus basic(
      String encoded, HttpServletResponse response, HttpMessageContext context) {
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      decoded = "";
    }
    int colon = decoded.indexOf(':');
    if (colon > 0) {
      CredentialValidationResult result =
          identityStores.validate(
              new UsernamePasswordCredential(
                  decoded.substring(0, colon), decoded.substring(colon + 1)));
      if (result.getStatus() == CredentialValidationResult.Status.VALID) {
        return context.notifyContainerAboutLogin(result);
      }
    }
    response.setHeader("WWW-Authenticate", "Basic realm=\"hezuo\", charset=\"UTF-8\"");
    return context.responseUnauthorized();
  }
}
