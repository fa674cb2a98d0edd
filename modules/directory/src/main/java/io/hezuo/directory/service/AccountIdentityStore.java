package io.hezuo.directory.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;

/** The application's identity store: accounts in {@code dir_account}, PBKDF2 hashes, lockout. */
@ApplicationScoped
public class AccountIdentityStore implements IdentityStore {

  @Inject LoginAttempts attempts;

  @Override
  public CredentialValidationResult validate(Credential credential) {
    if (!(credential instanceof UsernamePasswordCredential c)) {
      return CredentialValidationResult.NOT_VALIDATED_RESULT;
    }
    LoginAttempts.Outcome o = attempts.attempt(c.getCaller(), c.getPasswordAsString());
    return o.accepted()
        ? new CredentialValidationResult(c.getCaller(), o.roles())
        : CredentialValidationResult.INVALID_RESULT;
  }
}
