package io.hezuo.web.security;

import io.hezuo.directory.service.LoginAttempts;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Audits sessions that end by themselves (30 minutes idle) for signed-in users. */
@WebListener
public class SessionAudit implements HttpSessionListener {

  static final String USER_ATTRIBUTE = "hezuo.user";
  private static final Logger LOG = Logger.getLogger(SessionAudit.class.getName());

  @Override
  public void sessionDestroyed(HttpSessionEvent se) {
    Object user = se.getSession().getAttribute(USER_ATTRIBUTE);
    if (user == null) {
      return;
    }
    long idleMs = System.currentTimeMillis() - se.getSession().getLastAccessedTime();
    if (idleMs < se.getSession().getMaxInactiveInterval() * 1000L) {
      return; // ended by logout, which audits itself
    }
    try {
      CDI.current().select(LoginAttempts.class).get().loggedOut(user.toString(), "session timeout");
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "could not audit the end of a session", e);
    }
  }
}
