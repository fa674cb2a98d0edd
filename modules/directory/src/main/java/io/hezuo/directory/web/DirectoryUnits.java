package io.hezuo.directory.web;

import io.hezuo.directory.api.NewUnit;
import io.hezuo.directory.api.UnitAdminView;
import io.hezuo.directory.api.UnitDirectory;
import io.hezuo.kernel.error.HezuoException;
import io.hezuo.kernel.faces.FacesViolations;
import io.hezuo.kernel.faces.PagedModel;
import io.hezuo.kernel.rule.RuleViolationException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.primefaces.PrimeFaces;

/**
 * Backing bean of {@code app/directory/units.xhtml}: the officer searches the units, enters a new
 * one, lets a unit recommend (or withdraws that) and sets the recommending unit each unit reports
 * to, each change with a reason. Reads each page, the recommending units and the count of units
 * without a recommending unit once per request, never from an EL getter's every call.
 */
@Named("directoryUnits")
@ViewScoped
public class DirectoryUnits implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject UnitDirectory units;

  private String query;
  private UnitDirectory.Filter filter = UnitDirectory.Filter.ALL;

  // the unit being changed in the dialog
  private UnitAdminView selected;
  private boolean editRecommending;
  private Long editRecommenderId;
  private String recommendingReason;
  private String recommenderReason;

  // a new unit
  private String newName;
  private String newCreditCode;
  private String newType;
  private String newCity;
  private boolean newRecommending;
  private Long newRecommenderId;

  private transient List<UnitAdminView> recommending;
  private transient Long pending;

  private final PagedModel<UnitAdminView> model =
      new PagedModel<>(
          (first, size) -> {
            UnitAdminView.Page p = units.units(query, filter, first, size);
            return new PagedModel.Page<>(p.total(), p.rows());
          },
          UnitAdminView::id);

  public PagedModel<UnitAdminView> getModel() {
    return model;
  }

  /** The units that may recommend (for the choices), read once per request. */
  public List<UnitAdminView> getRecommendingUnits() {
    if (recommending == null) {
      recommending = units.recommendingUnits();
    }
    return recommending;
  }

  /** How many applying units report to no recommending unit (the officer's pending work). */
  public long getPending() {
    if (pending == null) {
      pending = units.withoutRecommender();
    }
    return pending;
  }

  public UnitDirectory.Filter[] getFilters() {
    return UnitDirectory.Filter.values();
  }

  public List<String> getTypes() {
    return List.of("ENTERPRISE", "UNIVERSITY", "INSTITUTE", "MEDICAL", "GOVERNMENT", "OTHER");
  }

  public void search() {
    refresh();
  }

  /** Shows the applying units without a recommending unit. */
  public void showPending() {
    query = null;
    filter = UnitDirectory.Filter.WITHOUT_RECOMMENDER;
    refresh();
  }

  private void refresh() {
    model.refresh();
    recommending = null;
    pending = null;
  }

  /** Opens the dialog for one unit. */
  public void edit(UnitAdminView u) {
    selected = u;
    editRecommending = u.recommending();
    editRecommenderId = u.recommenderId();
    recommendingReason = null;
    recommenderReason = null;
  }

  public void saveRecommending() {
    if (selected == null) {
      return;
    }
    try {
      units.setRecommending(selected.id(), editRecommending, recommendingReason);
      FacesViolations.info("directory.units.recommendingSaved", selected.name());
      done();
    } catch (RuleViolationException e) {
      FacesViolations.show("recForm", e.violations());
    } catch (HezuoException e) {
      FacesViolations.error("directory.accounts.notAllowed");
    }
  }

  public void saveRecommender() {
    if (selected == null) {
      return;
    }
    try {
      units.setRecommender(selected.id(), editRecommenderId, recommenderReason);
      FacesViolations.info("directory.units.recommenderSaved", selected.name());
      done();
    } catch (RuleViolationException e) {
      FacesViolations.show("repForm", e.violations());
    } catch (HezuoException e) {
      FacesViolations.error("directory.accounts.notAllowed");
    }
  }

  private void done() {
    selected = null;
    refresh();
    PrimeFaces.current().executeScript("PF('editDialog').hide()");
  }

  public void create() {
    try {
      units.create(
          new NewUnit(newName, newCreditCode, newType, newCity, newRecommending, newRecommenderId));
      FacesViolations.info("directory.units.created", newName == null ? "" : newName.strip());
      newName = null;
      newCreditCode = null;
      newType = null;
      newCity = null;
      newRecommending = false;
      newRecommenderId = null;
      refresh();
    } catch (RuleViolationException e) {
      FacesViolations.show("add", e.violations());
    } catch (HezuoException e) {
      FacesViolations.error("directory.accounts.notAllowed");
    }
  }

  // getters and setters for the view

  public String getQuery() {
    return query;
  }

  public void setQuery(String query) {
    this.query = query;
  }

  public UnitDirectory.Filter getFilter() {
    return filter;
  }

  public void setFilter(UnitDirectory.Filter filter) {
    this.filter = filter == null ? UnitDirectory.Filter.ALL : filter;
  }

  public UnitAdminView getSelected() {
    return selected;
  }

  public boolean isEditRecommending() {
    return editRecommending;
  }

  public void setEditRecommending(boolean v) {
    this.editRecommending = v;
  }

  public Long getEditRecommenderId() {
    return editRecommenderId;
  }

  public void setEditRecommenderId(Long v) {
    this.editRecommenderId = v;
  }

  public String getRecommendingReason() {
    return recommendingReason;
  }

  public void setRecommendingReason(String v) {
    this.recommendingReason = v;
  }

  public String getRecommenderReason() {
    return recommenderReason;
  }

  public void setRecommenderReason(String v) {
    this.recommenderReason = v;
  }

  public String getNewName() {
    return newName;
  }

  public void setNewName(String v) {
    this.newName = v;
  }

  public String getNewCreditCode() {
    return newCreditCode;
  }

  public void setNewCreditCode(String v) {
    this.newCreditCode = v;
  }

  public String getNewType() {
    return newType;
  }

  public void setNewType(String v) {
    this.newType = v;
  }

  public String getNewCity() {
    return newCity;
  }

  public void setNewCity(String v) {
    this.newCity = v;
  }

  public boolean isNewRecommending() {
    return newRecommending;
  }

  public void setNewRecommending(boolean v) {
    this.newRecommending = v;
  }

  public Long getNewRecommenderId() {
    return newRecommenderId;
  }

  public void setNewRecommenderId(Long v) {
    this.newRecommenderId = v;
  }
}
