package io.hezuo.directory.web;

import io.hezuo.directory.api.AccountDirectory;
import io.hezuo.kernel.faces.FacesViolations;
import io.hezuo.kernel.rule.RuleViolationException;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;

/**
 * Backing bean of {@code app/account/password.xhtml}: the signed-in user changes the password;
 * after a reset the login sends the user here first (session attribute {@link #MUST_CHANGE}), and a
 * successful change ends that.
 */
@Named("accountPassword")
@ViewScoped
public class AccountPassword implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Session attribute (Boolean.TRUE) while a one-time password must be changed. */
  public static final String MUST_CHANGE = "hezuo.mustChangePassword";

  @Inject AccountDirectory directory;

  private String current;
  private String password;
  private String passwordRepeat;

  public boolean isForced() {
    Object v =
        FacesContext.getCurrentInstance().getExternalContext().getSessionMap().get(MUST_CHANGE);
    return Boolean.TRUE.equals(v);
  }

  public void change() throws IOException {
    try {
      directory.changePassword(current, password, passwordRepeat);
    } catch (RuleViolationException e) {
      current = null;
      FacesViolations.show("pwd", e.violations());
      return;
    }
    ExternalContext ec = FacesContext.getCurrentInstance().getExternalContext();
    ec.getSessionMap().remove(MUST_CHANGE);
    FacesViolations.info("directory.password.changed");
    ec.getFlash().setKeepMessages(true);
    ec.redirect(ec.getRequestContextPath() + "/app/home.xhtml");
  }

  public String getCurrent() {
    return current;
  }

  public void setCurrent(String current) {
    this.current = current;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public String getPasswordRepeat() {
    return passwordRepeat;
  }

  public void setPasswordRepeat(String passwordRepeat) {
    this.passwordRepeat = passwordRepeat;
  }
}
