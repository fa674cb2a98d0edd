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
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Backing bean of {@code login.xhtml}, and the header's logout. */
@Named("loginBean")
@RequestScoped
public class LoginBean {

  @Inject SecurityContext securityContext;
  @Inject AccountDirectory accounts;
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
        ec.redirect(ec.getRequestContextPath() + "/app/home.xhtml");
        break;
      default:
        password = null;
        if (accounts.isLocked(user)) {
          FacesViolations.error("web.login.locked");
        } else {
          FacesViolations.error("web.login.failed");
        }
    }
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
