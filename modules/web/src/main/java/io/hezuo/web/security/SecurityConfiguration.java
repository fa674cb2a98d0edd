package io.hezuo.web.security;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The roles of the application. Authentication is {@link HezuoAuthentication}: form login on {@code
 * /login.xhtml} for people, HTTP Basic on {@code /api/} for machine clients, both against the
 * directory's identity store (PBKDF2 hashes, lockout after 5 failures). Pages under {@code /app/}
 * need a login (web.xml); each service checks role and ownership itself.
 */
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
