package io.hezuo.directory.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The application's identity store: accounts in {@code dir_account} through {@link LoginAttempts}
 * (throttling, PBKDF2, lockout, audit). The source address and the device cookie come from the
 * current request; the outcome is left in the request attribute {@link
 * LoginAttempts#OUTCOME_ATTRIBUTE} for the login page (device cookie, forced password change).
 */
@ApplicationScoped
public class AccountIdentityStore implements IdentityStore {

  @Inject LoginAttempts attempts;
  @Inject HttpServletRequest request;

  @Override
  public CredentialValidationResult validate(Credential credential) {
    if (!(credential instanceof UsernamePasswordCredential c)) {
      return CredentialValidationResult.NOT_VALIDATED_RESULT;
    }
    LoginAttempts.Outcome o =
        attempts.attempt(c.getCaller(), c.getPasswordAsString(), origin(request));
    try {
      request.setAttribute(LoginAttempts.OUTCOME_ATTRIBUTE, o);
    } catch (RuntimeException e) {
      // no request in scope (a programmatic check): nothing to hand over
    }
    return o.accepted()
        ? new CredentialValidationResult(c.getCaller(), o.roles())
        : CredentialValidationResult.INVALID_RESULT;
  }

  /** The client's address (never a header it could forge) and its device cookie, if any. */
  public static LoginAttempts.Origin origin(HttpServletRequest request) {
    try {
      String device = null;
      Cookie[] cookies = request.getCookies();
      if (cookies != null) {
        for (Cookie k : cookies) {
          if (LoginAttempts.DEVICE_COOKIE.equals(k.getName())) {
            device = k.getValue();
          }
        }
      }
      return new LoginAttempts.Origin(request.getRemoteAddr(), device);
    } catch (RuntimeException e) {
      return new LoginAttempts.Origin(null, null);
    }
  }
}
