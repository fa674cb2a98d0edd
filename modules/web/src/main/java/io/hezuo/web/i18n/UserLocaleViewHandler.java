package io.hezuo.web.i18n;

import jakarta.faces.application.ViewHandler;
import jakarta.faces.application.ViewHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;

/**
 * A view's locale is the user's language ({@link LocaleBean#resolve}: the session's choice, else
 * the cookie's, else Chinese) from the moment the view exists, not only once the layout's {@code
 * f:view} is rendered: a message a page's {@code f:viewAction} adds (e.g. "not found") is then in
 * the user's language, not in the browser's {@code Accept-Language}.
 */
public class UserLocaleViewHandler extends ViewHandlerWrapper {

  public UserLocaleViewHandler(ViewHandler wrapped) {
    super(wrapped);
  }

  @Override
  public Locale calculateLocale(FacesContext context) {
    Object request = context.getExternalContext().getRequest();
    return request instanceof HttpServletRequest r
        ? LocaleBean.resolve(r)
        : super.calculateLocale(context);
  }
}
