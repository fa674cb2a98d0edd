package io.hezuo.web.i18n;

import io.hezuo.directory.api.AccountDirectory;
import io.hezuo.kernel.i18n.Messages;
import io.hezuo.kernel.security.Caller;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;

/**
 * The user's language: Chinese by default, English by the switch in the header. Remembered in a
 * cookie (for everybody, so that an anonymous visitor needs no session) and, for a signed-in user,
 * in the account and in the session that the login created. Read once per request: the session's
 * choice if there is a session, else the cookie's. Never creates a session.
 */
@Named("localeBean")
@RequestScoped
public class LocaleBean {

  public static final String COOKIE = "hezuo_lang";

  /** The session attribute holding the signed-in user's language tag ({@code zh} or {@code en}). */
  public static final String SESSION_ATTRIBUTE = "hezuo.language";

  /** The request parameter the header's switch carries: the query string of the page it is on. */
  public static final String QUERY_PARAMETER = "hzQuery";

  @Inject Caller caller;
  @Inject AccountDirectory accounts;

  private Locale locale = Messages.CHINESE;

  @PostConstruct
  void init() {
    FacesContext fc = FacesContext.getCurrentInstance();
    if (fc != null) {
      locale = resolve((HttpServletRequest) fc.getExternalContext().getRequest());
    }
  }

  /** The language of a request: its session's (never creating one), else its cookie's. */
  public static Locale resolve(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session != null && session.getAttribute(SESSION_ATTRIBUTE) instanceof String tag) {
      return fromTag(tag);
    }
    jakarta.servlet.http.Cookie[] cookies = request.getCookies();
    if (cookies != null) {
      for (jakarta.servlet.http.Cookie c : cookies) {
        if (COOKIE.equals(c.getName())) {
          return fromTag(c.getValue());
        }
      }
    }
    return Messages.CHINESE;
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

  /** Uses the language saved with the account, after a login (the session exists by then). */
  public void applyAccountPreference(String username) {
    accounts
        .preferredLanguage(username)
        .ifPresent(
            tag -> {
              locale = fromTag(tag);
              remember(FacesContext.getCurrentInstance().getExternalContext(), false);
            });
  }

  /** The header's switch: sets the language, remembers it, and reloads the same page. */
  public void switchTo(String tag) throws IOException {
    locale = fromTag(tag);
    FacesContext fc = FacesContext.getCurrentInstance();
    fc.getViewRoot().setLocale(locale);
    ExternalContext ec = fc.getExternalContext();
    remember(ec, true);
    if (caller.isSignedIn()) {
      accounts.setPreferredLanguage(caller.name(), locale.getLanguage());
    }
    HttpServletRequest request = (HttpServletRequest) ec.getRequest();
    ec.redirect(request.getRequestURI() + query(fc, request));
  }

  /**
   * The query string of the page the switch was clicked on, with its "?" (or empty). The switch is
   * a postback to the view's action URL, which has no query string: the page's own one comes as the
   * {@link #QUERY_PARAMETER} the links carry; failing that (the page itself came from a postback),
   * the view's parameters ({@code f:viewParam}, e.g. {@code edit.xhtml?id=…}) are rebuilt.
   */
  static String query(FacesContext fc, HttpServletRequest request) {
    String query = request.getQueryString();
    if (query == null || query.isEmpty()) {
      query = request.getParameter(QUERY_PARAMETER);
    }
    if (query == null || query.isEmpty()) {
      String viewId = fc.getViewRoot().getViewId();
      String url =
          fc.getApplication()
              .getViewHandler()
              .getBookmarkableURL(fc, viewId, java.util.Collections.emptyMap(), true);
      int q = url == null ? -1 : url.indexOf('?');
      query = q < 0 ? null : url.substring(q + 1);
    }
    // never a header split nor a fragment: the query string only
    if (query == null || query.isEmpty() || !query.matches("[^\\r\\n#]*")) {
      return "";
    }
    return "?" + query;
  }

  /** Puts the language in the session, if there is one, and (when asked) in the cookie. */
  private void remember(ExternalContext ec, boolean cookie) {
    Object session = ec.getSession(false);
    if (session instanceof HttpSession s) {
      s.setAttribute(SESSION_ATTRIBUTE, locale.getLanguage());
    }
    if (cookie) {
      ec.addResponseCookie(
          COOKIE,
          locale.getLanguage(),
          Map.of("maxAge", 365 * 24 * 3600, "path", "/", "httpOnly", Boolean.TRUE));
    }
  }

  static Locale fromTag(String tag) {
    return "en".equalsIgnoreCase(tag) ? Messages.ENGLISH : Messages.CHINESE;
  }
}
