package io.hezuo.kernel.faces;

import io.hezuo.kernel.i18n.Messages;
import io.hezuo.kernel.rule.RuleViolation;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import java.util.List;

/**
 * Shows rule violations on a Faces form: each message in the user's language with its rule id,
 * attached to the field's component ({@code formId:field}) when it exists so that it appears next
 * to the field, otherwise to the whole page. The form keeps what the user typed.
 */
public final class FacesViolations {

  private FacesViolations() {}

  public static void show(String formId, List<RuleViolation> violations) {
    FacesContext fc = FacesContext.getCurrentInstance();
    for (RuleViolation v : violations) {
      FacesMessage.Severity sev =
          v.isError() ? FacesMessage.SEVERITY_ERROR : FacesMessage.SEVERITY_WARN;
      String text = Messages.describe(fc.getViewRoot().getLocale(), v);
      String clientId = null;
      if (v.field() != null && formId != null) {
        String candidate = formId + ":" + v.field();
        UIComponent c = fc.getViewRoot().findComponent(":" + candidate);
        if (c != null) {
          clientId = candidate;
        }
      }
      fc.addMessage(clientId, new FacesMessage(sev, text, null));
    }
    fc.validationFailed();
  }

  /** A plain message in the user's language for the whole page. */
  public static void info(String key, Object... args) {
    FacesContext fc = FacesContext.getCurrentInstance();
    String text = Messages.get(fc.getViewRoot().getLocale(), key, args);
    fc.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
  }

  /** A plain error in the user's language for the whole page. */
  public static void error(String key, Object... args) {
    FacesContext fc = FacesContext.getCurrentInstance();
    String text = Messages.get(fc.getViewRoot().getLocale(), key, args);
    fc.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
    fc.validationFailed();
  }
}
