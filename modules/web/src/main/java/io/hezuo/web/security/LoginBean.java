package io.hezuo.web.security;

import io.hezuo.directory.service.DeviceTokens;
import io.hezuo.directory.service.LoginAttempts;
import io.hezuo.directory.web.AccountPassword;
import io.hezuo.kernel.faces.FacesViolations;
import io.hezuo.web.i18n.LocaleBean;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Backing bean of {@code login.xhtml}, and the header's logout. */
@Named("loginBean")
@RequestScoped
public class LoginBean {

  @Inject SecurityContext securityContext;
  @Inject LoginAttempts attempts;
  @Inject LocaleBean localeBean;

  private String username;
  private String password;

  public void login() throws IOException {
    FacesContext fc = FacesContext.getCurrentInstance();
    ExternalContext ec = fc.getExternalContext();
    HttpServletRequest req = (HttpServletRequest) ec.getRequest();
    HttpServletResponse resp = (HttpServletResponse) ec.getResponse();
    String user = username == null ? "" : username.trim();
    AuthenticationStatus status =
        securityContext.authenticate(
            req,
            resp,
            AuthenticationParameters.withParams()
                .newAuthentication(true)
                .credential(
                    new UsernamePasswordCredential(user, password == null ? "" : password)));
    switch (status) {
      case SEND_CONTINUE:
        fc.responseComplete();
        break;
      case SUCCESS:
        req.changeSessionId();
        req.getSession().setAttribute(SessionAudit.USER_ATTRIBUTE, user);
        localeBean.applyAccountPreference(user);
        Object o = req.getAttribute(LoginAttempts.OUTCOME_ATTRIBUTE);
        LoginAttempts.Outcome outcome = o instanceof LoginAttempts.Outcome x ? x : null;
        if (outcome != null && outcome.deviceToken() != null) {
          deviceCookie(req, resp, outcome.deviceToken());
        }
        if (outcome != null && outcome.mustChangePassword()) {
          // the lead's filter keeps every other /app/ page away while this is set
          req.getSession().setAttribute(AccountPassword.MUST_CHANGE, Boolean.TRUE);
          ec.redirect(ec.getRequestContextPath() + "/app/account/password.xhtml");
        } else {
          ec.redirect(ec.getRequestContextPath() + "/app/home.xhtml");
        }
        break;
      default:
        // one message for every refusal: unknown name, wrong password, lock, throttling, a
        // registration not yet approved (LoginAttempts also makes them take the same time)
        password = null;
        FacesViolations.error("web.login.failed");
    }
  }

  /**
   * OWASP's device cookie: this browser signed in to this account, so a lock caused by others'
   * failures does not keep it out (see LoginAttempts).
   */
  private static void deviceCookie(HttpServletRequest req, HttpServletResponse resp, String token) {
    Cookie c = new Cookie(LoginAttempts.DEVICE_COOKIE, token);
    c.setHttpOnly(true);
    c.setSecure(req.isSecure());
    c.setPath(req.getContextPath().isEmpty() ? "/" : req.getContextPath());
    c.setMaxAge((int) DeviceTokens.VALIDITY.toSeconds());
    c.setAttribute("SameSite", "Strict");
    resp.addCookie(c);
  }

  public void logout() throws IOException, ServletException {
    FacesContext fc = FacesContext.getCurrentInstance();
    ExternalContext ec = fc.getExternalContext();
    HttpServletRequest req = (HttpServletRequest) ec.getRequest();
    String user = req.getUserPrincipal() == null ? null : req.getUserPrincipal().getName();
    req.logout();
    ec.invalidateSession();
    if (user != null) {
      attempts.loggedOut(user, "logout");
    }
    ec.redirect(ec.getRequestContextPath() + "/login.xhtml?loggedOut=true");
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }
}
