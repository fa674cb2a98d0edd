package io.hezuo.web.security;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.CustomFormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;

/**
 * Form login on {@code /login.xhtml} against the directory's identity store (PBKDF2 hashes, lockout
 * after 5 failures). Pages under {@code /app/} need a login (web.xml); each service checks role and
 * ownership itself.
 */
@CustomFormAuthenticationMechanismDefinition(
    loginToContinue = @LoginToContinue(loginPage = "/login.xhtml", errorPage = ""))
@DeclareRoles({
  "APPLICANT",
  "UNIT_ADMIN",
  "RECOMMENDER",
  "FORMAL_REVIEWER",
  "EXPERT",
  "OFFICER",
  "FINANCE",
  "ADMIN"
})
@ApplicationScoped
public class SecurityConfiguration {}
