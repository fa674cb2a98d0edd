package io.hezuo.web.i18n;

import io.hezuo.kernel.i18n.Messages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.AbstractMap;
import java.util.Set;

/**
 * Message keys for the views, in the user's language: {@code #{i18n['call.catalogue.title']}}. The
 * key's first segment names the module whose bundle holds it.
 */
@Named("i18n")
@RequestScoped
public class I18n extends AbstractMap<String, String> {

  @Inject LocaleBean localeBean;

  @Override
  public String get(Object key) {
    return Messages.get(localeBean.getLocale(), String.valueOf(key));
  }

  @Override
  public boolean containsKey(Object key) {
    return Messages.exists(String.valueOf(key));
  }

  /** With arguments, from a view: {@code #{i18n.format('web.home.welcome', user.name)}}. */
  public String format(String key, Object... args) {
    return Messages.get(localeBean.getLocale(), key, args);
  }

  @Override
  public Set<Entry<String, String>> entrySet() {
    throw new UnsupportedOperationException("message bundles are looked up by key");
  }
}
