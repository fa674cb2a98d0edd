package io.hezuo.submission.web;

import io.hezuo.call.api.CallCatalogue;
import io.hezuo.call.api.LineView;
import io.hezuo.call.api.TargetView;
import io.hezuo.call.api.TopicView;
import io.hezuo.kernel.faces.FacesViolations;
import io.hezuo.kernel.i18n.Messages;
import io.hezuo.kernel.rule.RuleViolation;
import io.hezuo.kernel.rule.RuleViolationException;
import io.hezuo.submission.api.ApplicationForm;
import io.hezuo.submission.api.ApplicationView;
import io.hezuo.submission.service.Applications;
import io.hezuo.submission.service.PiApplications;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Backing bean of {@code app/submission/edit.xhtml}: the PI's form, saved on demand and every 30
 * seconds while it changes, with the checks always visible.
 */
@Named("submissionEdit")
@ViewScoped
public class SubmissionEdit implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Budget categories of the form (keys stored with the application). */
  public static final List<String> BUDGET =
      List.of("EQUIPMENT", "MATERIALS", "TESTING", "TRAVEL", "COOPERATION", "LABOUR", "OTHER");

  @Inject transient PiApplications service;
  @Inject transient Applications applications;
  @Inject transient CallCatalogue calls;

  private long id;
  private ApplicationView app;
  private LineView line;
  private long version;
  private final Map<String, String> f = new LinkedHashMap<>();
  private final Map<String, String> budget = new LinkedHashMap<>();
  private final Map<String, Integer> targets = new LinkedHashMap<>();
  private Integer onsiteDays;
  private List<RuleViolation> checks = List.of();
  private ApplicationForm lastSaved;
  private Long basePlatformId;
  private transient List<io.hezuo.directory.api.PlatformView> basePlatforms;
  private final List<MemberRow> team = new ArrayList<>();
  private String domesticPartners;

  /** One editable row of the team table. */
  public static class MemberRow implements Serializable {
    private static final long serialVersionUID = 1L;
    private String name;
    private String idType = "RESIDENT_ID";
    private String idNumber;
    private String unit;
    private String role;
    private Integer months;

    public String getName() {
      return name;
    }

    public void setName(String name) {
      this.name = name;
    }

    public String getIdType() {
      return idType;
    }

    public void setIdType(String idType) {
      this.idType = idType;
    }

    public String getIdNumber() {
      return idNumber;
    }

    public void setIdNumber(String idNumber) {
      this.idNumber = idNumber;
    }

    public String getUnit() {
      return unit;
    }

    public void setUnit(String unit) {
      this.unit = unit;
    }

    public String getRole() {
      return role;
    }

    public void setRole(String role) {
      this.role = role;
    }

    public Integer getMonths() {
      return months;
    }

    public void setMonths(Integer months) {
      this.months = months;
    }
  }

  public void load() throws IOException {
    try {
      app = applications.get(id);
    } catch (io.hezuo.kernel.error.HezuoException e) {
      FacesContext.getCurrentInstance().getExternalContext().responseSendError(404, "");
      FacesContext.getCurrentInstance().responseComplete();
      return;
    }
    if (!app.status().equals("DRAFT") && !app.status().equals("RETURNED")) {
      FacesContext.getCurrentInstance().getExternalContext().redirect("view.xhtml?id=" + id);
      return;
    }
    line = calls.line(app.callId(), app.lineCode()).orElseThrow();
    fill(app);
    refreshChecks();
  }

  private void fill(ApplicationView a) {
    ApplicationForm x = a.form();
    version = a.version();
    f.put("titleZh", x.titleZh());
    f.put("titleEn", x.titleEn());
    f.put("partnerCode", x.partnerCode());
    f.put("platformCode", x.platformCode());
    f.put("fieldCode", x.fieldCode());
    f.put("regionCode", x.regionCode());
    f.put("topicCode", x.topicCode());
    f.put("partnerName", x.partnerName());
    f.put("partnerCountry", x.partnerCountry());
    f.put("partnerContact", x.partnerContact());
    f.put("foreignReference", x.foreignReference());
    f.put("foreignDate", x.foreignDate());
    f.put("startMonth", x.startMonth());
    f.put("endMonth", x.endMonth());
    f.put("subsidy", x.subsidy());
    f.put("selfFunds", x.selfFunds());
    f.put("transferAmount", x.transferAmount());
    f.put("textBasis", x.textBasis());
    f.put("textContent", x.textContent());
    f.put("textRoute", x.textRoute());
    f.put("textCooperation", x.textCooperation());
    f.put("textOutcomes", x.textOutcomes());
    f.put("textIndicators", x.textIndicators());
    onsiteDays = x.onsiteDays();
    basePlatformId = x.basePlatformId();
    budget.clear();
    for (String c : BUDGET) {
      budget.put(c, x.budget() == null ? null : x.budget().get(c));
    }
    targets.clear();
    if (x.targets() != null) {
      targets.putAll(x.targets());
    }
    team.clear();
    if (x.team() != null) {
      for (io.hezuo.submission.api.TeamMemberForm m : x.team()) {
        MemberRow r = new MemberRow();
        r.setName(m.name());
        r.setIdType(m.idType());
        r.setIdNumber(m.idNumber());
        r.setUnit(m.unit());
        r.setRole(m.role());
        r.setMonths(m.months());
        team.add(r);
      }
    }
    domesticPartners =
        x.domesticPartners() == null ? null : String.join("\n", x.domesticPartners());
    lastSaved = form();
  }

  private ApplicationForm form() {
    Map<String, String> b = new LinkedHashMap<>();
    budget.forEach(
        (k, v) -> {
          if (v != null && !v.isBlank()) {
            b.put(k, v);
          }
        });
    Map<String, Integer> t = new LinkedHashMap<>();
    for (TargetView target : currentTargets()) {
      Integer value = targets.get(target.code());
      if (value != null) {
        t.put(target.code(), value);
      }
    }
    return new ApplicationForm(
        version,
        new ApplicationForm.Project(
            f.get("titleZh"),
            f.get("titleEn"),
            f.get("platformCode"),
            basePlatformId,
            f.get("fieldCode"),
            f.get("regionCode"),
            f.get("topicCode")),
        new ApplicationForm.Partner(
            f.get("partnerCode"),
            f.get("partnerName"),
            f.get("partnerCountry"),
            f.get("partnerContact"),
            f.get("foreignReference"),
            f.get("foreignDate")),
        new ApplicationForm.Period(f.get("startMonth"), f.get("endMonth"), onsiteDays),
        new ApplicationForm.Funding(
            f.get("subsidy"), f.get("selfFunds"), f.get("transferAmount"), b),
        t,
        team.stream()
            .map(
                r ->
                    new io.hezuo.submission.api.TeamMemberForm(
                        r.getName(),
                        r.getIdType(),
                        r.getIdNumber(),
                        r.getUnit(),
                        r.getRole(),
                        r.getMonths()))
            .toList(),
        domesticPartners == null
            ? List.of()
            : java.util.Arrays.stream(domesticPartners.split("\\R"))
                .map(String::trim)
                .filter(x -> !x.isEmpty())
                .toList(),
        new ApplicationForm.Texts(
            f.get("textBasis"),
            f.get("textContent"),
            f.get("textRoute"),
            f.get("textCooperation"),
            f.get("textOutcomes"),
            f.get("textIndicators")));
  }

  /** The Save button, and the autosave. */
  public void save() {
    if (persist()) {
      FacesViolations.info("submission.edit.saved");
    }
  }

  /** Saves what changed since the last save (the poll calls it every 30 seconds). */
  public void autosave() {
    if (!form().equals(lastSaved)) {
      persist();
    }
  }

  private boolean persist() {
    try {
      app = service.save(id, form());
      version = app.version();
      lastSaved = form();
      refreshChecks();
      return true;
    } catch (RuleViolationException e) {
      FacesViolations.show("app", e.violations());
      return false;
    }
  }

  public String submit() {
    if (!persist()) {
      return null;
    }
    try {
      service.submit(id, version);
      return "view?faces-redirect=true&submitted=true&id=" + id;
    } catch (RuleViolationException e) {
      refreshChecks();
      FacesViolations.show("app", e.violations());
      return null;
    }
  }

  private void refreshChecks() {
    checks = applications.check(id);
  }

  public List<TargetView> currentTargets() {
    String topic = f.get("topicCode");
    if (line == null || topic == null) {
      return List.of();
    }
    return line.topics().stream()
        .filter(t -> t.code().equals(topic))
        .findFirst()
        .map(TopicView::targets)
        .orElse(List.of());
  }

  public List<String> getCheckTexts() {
    List<String> out = new ArrayList<>();
    for (RuleViolation v : checks) {
      out.add(Messages.describe(locale(), v));
    }
    return out;
  }

  public List<RuleViolation> getChecks() {
    return checks;
  }

  public String describe(RuleViolation v) {
    return Messages.describe(locale(), v);
  }

  public boolean isCanSubmit() {
    return checks.stream().noneMatch(RuleViolation::isError);
  }

  public String text(io.hezuo.call.api.Text t) {
    return t == null ? "" : (Messages.ENGLISH.equals(locale()) ? t.en() : t.zh());
  }

  private Locale locale() {
    return Messages.normalise(FacesContext.getCurrentInstance().getViewRoot().getLocale());
  }

  public void addMember() {
    team.add(new MemberRow());
  }

  public void removeMember(MemberRow row) {
    team.remove(row);
  }

  public List<MemberRow> getTeam() {
    return team;
  }

  public List<String> getIdTypes() {
    return io.hezuo.directory.api.IdDocuments.types();
  }

  public String getDomesticPartners() {
    return domesticPartners;
  }

  public void setDomesticPartners(String domesticPartners) {
    this.domesticPartners = domesticPartners;
  }

  public long getId() {
    return id;
  }

  public void setId(long id) {
    this.id = id;
  }

  public ApplicationView getApp() {
    return app;
  }

  public LineView getLine() {
    return line;
  }

  public Map<String, String> getF() {
    return f;
  }

  public Map<String, String> getBudget() {
    return budget;
  }

  public List<String> getBudgetCategories() {
    return BUDGET;
  }

  public Map<String, Integer> getTargets() {
    return targets;
  }

  public Integer getOnsiteDays() {
    return onsiteDays;
  }

  public void setOnsiteDays(Integer onsiteDays) {
    this.onsiteDays = onsiteDays;
  }

  /** The applying unit's white-listed platform bases (G1), loaded once per view. */
  public List<io.hezuo.directory.api.PlatformView> getBasePlatforms() {
    if (basePlatforms == null) {
      basePlatforms = applications.platformsOfUnit(app.organisationId());
    }
    return basePlatforms;
  }

  /** The chosen platform base's fields, for the hint under the choice. */
  public String getBasePlatformFields() {
    return getBasePlatforms().stream()
        .filter(p -> basePlatformId != null && p.id() == basePlatformId)
        .findFirst()
        .map(p -> String.join("、", p.fields()))
        .orElse(null);
  }

  public Long getBasePlatformId() {
    return basePlatformId;
  }

  public void setBasePlatformId(Long basePlatformId) {
    this.basePlatformId = basePlatformId;
  }

  public long getVersion() {
    return version;
  }
}
