package io.hezuo.web.security;

import io.hezuo.directory.api.AccountDirectory;
import io.hezuo.directory.service.LoginAttempts;
import io.hezuo.kernel.faces.FacesViolations;
import io.hezuo.web.i18n.LocaleBean;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;

/** Backing bean of {@code login.xhtml}, and the header's logout. */
@Named("loginBean")
@RequestScoped
public class LoginBean {

  @Inject AccountDirectory accounts;
  @Inject LoginAttempts attempts;
  @Inject LocaleBean localeBean;

  private String username;
  private String password;

  public void login() throws IOException {
    FacesContext fc = FacesContext.getCurrentInstance();
    ExternalContext ec = fc.getExternalContext();
    HttpServletRequest req = (HttpServletRequest) ec.getRequest();
    String user = username == null ? "" : username.trim();
    LoginAttempts.Outcome outcome = attempts.attempt(user, password == null ? "" : password);
    if (outcome.accepted()) {
      SignedIn.start(req, user, outcome.roles());
      localeBean.applyAccountPreference(user);
      ec.redirect(ec.getRequestContextPath() + "/app/home.xhtml");
      return;
    }
    password = null;
    if (accounts.isLocked(user)) {
      FacesViolations.error("web.login.locked");
    } else {
      FacesViolations.error("web.login.failed");
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
