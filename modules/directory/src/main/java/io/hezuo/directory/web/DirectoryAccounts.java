package io.hezuo.directory.web;

import io.hezuo.directory.api.AccountAdminView;
import io.hezuo.directory.api.AccountDirectory;
import io.hezuo.kernel.faces.FacesViolations;
import io.hezuo.kernel.faces.PagedModel;
import io.hezuo.kernel.i18n.Messages;
import io.hezuo.kernel.rule.RuleViolation;
import io.hezuo.kernel.rule.RuleViolationException;
import io.hezuo.kernel.time.Zones;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Backing bean of {@code app/directory/accounts.xhtml}: the administrator searches every account,
 * sees which are locked, unlocks and resets passwords; a unit admin resets the passwords of its
 * unit's researchers. Each action needs a reason and is audited.
 */
@Named("directoryAccounts")
@ViewScoped
public class DirectoryAccounts implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject AccountDirectory directory;

  private String query;
  private final Map<Long, String> reasons = new HashMap<>();
  private String oneTimeFor;
  private String oneTimePassword;
  private Long lastTotal;

  /** Each page read once per request and page, not once per EL evaluation. */
  private final PagedModel<AccountAdminView> model =
      new PagedModel<>(
          (first, size) -> {
            AccountAdminView.Page p = directory.accounts(query, first, size);
            lastTotal = p.total();
            return new PagedModel.Page<>(p.total(), p.rows());
          },
          AccountAdminView::id);

  public PagedModel<AccountAdminView> getModel() {
    return model;
  }

  /** A new search (or a refresh after an action): the table reads its page again. */
  public void search() {
    refresh();
  }

  private void refresh() {
    model.refresh();
  }

  public void unlock(AccountAdminView a) {
    try {
      directory.unlock(a.id(), reasons.get(a.id()));
      reasons.remove(a.id());
      FacesViolations.info("directory.accounts.unlocked", a.username());
      refresh();
    } catch (RuleViolationException e) {
      showBesideRow(e);
    } catch (io.hezuo.kernel.error.HezuoException e) {
      FacesViolations.error("directory.accounts.notAllowed");
    }
  }

  public void reset(AccountAdminView a) {
    try {
      oneTimePassword = directory.resetPassword(a.id(), reasons.get(a.id()));
      oneTimeFor = a.username();
      reasons.remove(a.id());
      FacesViolations.info("directory.accounts.reset", a.username());
      refresh();
    } catch (RuleViolationException e) {
      showBesideRow(e);
    } catch (io.hezuo.kernel.error.HezuoException e) {
      FacesViolations.error("directory.accounts.notAllowed");
    }
  }

  /**
   * A missing reason is shown beside the reason field of the row whose button was pressed (the
   * table's row index is set while the row's action runs).
   */
  private static void showBesideRow(RuleViolationException e) {
    FacesContext fc = FacesContext.getCurrentInstance();
    UIComponent input = fc.getViewRoot().findComponent(":accts:list:reason");
    if (input == null) {
      FacesViolations.show("accts", e.violations());
      return;
    }
    String clientId = input.getClientId(fc);
    for (RuleViolation v : e.violations()) {
      fc.addMessage(
          "reason".equals(v.field()) ? clientId : null,
          new FacesMessage(
              FacesMessage.SEVERITY_ERROR,
              Messages.describe(fc.getViewRoot().getLocale(), v),
              null));
    }
    fc.validationFailed();
  }

  /** Hides the one-time password once the admin has passed it on. */
  public void dismiss() {
    oneTimePassword = null;
    oneTimeFor = null;
  }

  public String format(Instant at) {
    return at == null ? "" : Zones.format(at);
  }

  public Map<Long, String> getReasons() {
    return reasons;
  }

  public String getQuery() {
    return query;
  }

  public void setQuery(String query) {
    this.query = query;
  }

  public String getOneTimeFor() {
    return oneTimeFor;
  }

  public String getOneTimePassword() {
    return oneTimePassword;
  }

  public long getTotal() {
    return lastTotal == null ? 0 : lastTotal;
  }
}
