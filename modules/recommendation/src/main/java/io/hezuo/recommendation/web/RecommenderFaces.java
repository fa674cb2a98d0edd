package io.hezuo.recommendation.web;

import io.hezuo.kernel.i18n.Messages;
import io.hezuo.kernel.rule.RuleViolation;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.util.List;
import java.util.Locale;

/**
 * What the recommender's screens share: violations shown beside the row or field that caused them
 * (the acting button's naming container) and in the page's messages, in the user's language.
 */
final class RecommenderFaces {

  private RecommenderFaces() {}

  /**
   * Shows each violation beside {@code <row>:<field>} (or {@code <row>:rowMsg} when it names no
   * field on the row) and in the page's messages; {@code row} is the client id prefix of the acting
   * button's row, e.g. {@code list:apps:3}.
   */
  static void showBeside(String row, List<RuleViolation> violations) {
    FacesContext fc = FacesContext.getCurrentInstance();
    Locale l = fc.getViewRoot().getLocale();
    for (RuleViolation v : violations) {
      FacesMessage.Severity sev =
          v.isError() ? FacesMessage.SEVERITY_ERROR : FacesMessage.SEVERITY_WARN;
      String text = Messages.describe(l, v);
      if (row != null) {
        String target = row + ":" + ("reason".equals(v.field()) ? "reason" : "rowMsg");
        if (fc.getViewRoot().findComponent(":" + target) == null
            && fc.getViewRoot().findComponent(":" + row + ":rowMsg") != null) {
          target = row + ":rowMsg";
        }
        fc.addMessage(target, new FacesMessage(sev, text, null));
      }
      fc.addMessage(null, new FacesMessage(sev, text, null));
    }
    fc.validationFailed();
  }

  /** The client id prefix of the button that posted (its row), or null. */
  static String actingRow() {
    FacesContext fc = FacesContext.getCurrentInstance();
    String source = fc.getExternalContext().getRequestParameterMap().get("jakarta.faces.source");
    if (source == null) {
      return null;
    }
    int i = source.lastIndexOf(':');
    return i < 0 ? null : source.substring(0, i);
  }

  /** The user's language (the header's switch), also in a view action. */
  static Locale locale() {
    FacesContext fc = FacesContext.getCurrentInstance();
    Locale l = null;
    try {
      l = fc.getApplication().evaluateExpressionGet(fc, "#{localeBean.locale}", Locale.class);
    } catch (RuntimeException e) {
      // no language switch: the view's own locale
    }
    return Messages.normalise(l != null ? l : fc.getViewRoot().getLocale());
  }

  /** Answers 404 (the not-found page) and ends the response. */
  static void notFound() {
    try {
      FacesContext.getCurrentInstance().getExternalContext().responseSendError(404, "");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    FacesContext.getCurrentInstance().responseComplete();
  }
}
