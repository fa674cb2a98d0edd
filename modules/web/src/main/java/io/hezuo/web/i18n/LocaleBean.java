package io.hezuo.web.i18n;

import io.hezuo.directory.api.AccountDirectory;
import io.hezuo.kernel.i18n.Messages;
import io.hezuo.kernel.security.Caller;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.Locale;
import java.util.Map;

/**
 * The user's language: Chinese by default, English by the switch in the header. Remembered in a
 * cookie and, for a signed-in user, in the account.
 */
@Named("localeBean")
@SessionScoped
public class LocaleBean implements Serializable {

  private static final long serialVersionUID = 1L;
  public static final String COOKIE = "hezuo_lang";

  @Inject transient Caller caller;
  @Inject transient AccountDirectory accounts;

  private Locale locale = Messages.CHINESE;

  @PostConstruct
  void init() {
    FacesContext fc = FacesContext.getCurrentInstance();
    if (fc != null) {
      Object c = fc.getExternalContext().getRequestCookieMap().get(COOKIE);
      if (c instanceof jakarta.servlet.http.Cookie cookie) {
        locale = fromTag(cookie.getValue());
      }
    }
  }

  public Locale getLocale() {
    return locale;
  }

  public String getLanguage() {
    return locale.getLanguage();
  }

  public boolean isEnglish() {
    return Messages.ENGLISH.equals(locale);
  }

  /** Uses the language saved with the account, after a login. */
  public void applyAccountPreference(String username) {
    accounts.preferredLanguage(username).ifPresent(tag -> locale = fromTag(tag));
  }

  /** The header's switch: sets the language, remembers it, and reloads the same page. */
  public void switchTo(String tag) throws IOException {
    locale = fromTag(tag);
    FacesContext fc = FacesContext.getCurrentInstance();
    fc.getViewRoot().setLocale(locale);
    ExternalContext ec = fc.getExternalContext();
    ec.addResponseCookie(
        COOKIE,
        locale.getLanguage(),
        Map.of("maxAge", 365 * 24 * 3600, "path", "/", "httpOnly", Boolean.TRUE));
    if (caller.isSignedIn()) {
      accounts.setPreferredLanguage(caller.name(), locale.getLanguage());
    }
    String uri = ((jakarta.servlet.http.HttpServletRequest) ec.getRequest()).getRequestURI();
    String query = ((jakarta.servlet.http.HttpServletRequest) ec.getRequest()).getQueryString();
    ec.redirect(uri + (query == null ? "" : "?" + query));
  }

  static Locale fromTag(String tag) {
    return "en".equalsIgnoreCase(tag) ? Messages.ENGLISH : Messages.CHINESE;
  }
}
