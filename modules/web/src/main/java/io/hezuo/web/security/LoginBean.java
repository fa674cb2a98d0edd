package io.hezuo.web.security;

import io.hezuo.directory.service.LoginAttempts;
import io.hezuo.directory.web.AccountPassword;
import io.hezuo.kernel.faces.FacesViolations;
import io.hezuo.web.i18n.LocaleBean;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Backing bean of {@code login.xhtml}, and the header's logout. */
@Named("loginBean")
@RequestScoped
public class LoginBean {

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
    LoginAttempts.Outcome outcome =
        attempts.attempt(user, password == null ? "" : password, LoginOrigin.of(req));
    if (outcome.busy()) {
      // the password was not checked: say so, and when to try again (not "wrong password")
      password = null;
      FacesViolations.error("web.login.busy", outcome.retryAfterSeconds());
      return;
    }
    if (!outcome.accepted()) {
      // one message for every refusal: unknown name, wrong password, lock, throttling, a
      // registration not yet approved (LoginAttempts also makes them take the same time)
      password = null;
      FacesViolations.error("web.login.failed");
      return;
    }
    SignedIn.start(req, user, outcome.roles());
    LoginOrigin.remember(req, resp, outcome);
    localeBean.applyAccountPreference(user);
    if (outcome.mustChangePassword()) {
      // AuthenticationFilter keeps every other page away while this is set
      req.getSession().setAttribute(AccountPassword.MUST_CHANGE, Boolean.TRUE);
      ec.redirect(ec.getRequestContextPath() + AuthenticationFilter.PASSWORD_PAGE);
    } else {
      ec.redirect(ec.getRequestContextPath() + "/app/home.xhtml");
    }
  }

  public void logout() throws IOException, ServletException {
    FacesContext fc = FacesContext.getCurrentInstance();
    ExternalContext ec = fc.getExternalContext();
    HttpServletRequest req = (HttpServletRequest) ec.getRequest();
    SignedIn signedIn = SignedIn.of(req);
    String user = signedIn == null ? null : signedIn.username();
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
