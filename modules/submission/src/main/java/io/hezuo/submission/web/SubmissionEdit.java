package io.hezuo.submission.web;

import io.hezuo.call.api.CallCatalogue;
import io.hezuo.call.api.LineView;
import io.hezuo.call.api.TargetView;
import io.hezuo.call.api.TopicView;
import io.hezuo.kernel.faces.FacesViolations;
import io.hezuo.kernel.i18n.Messages;
import io.hezuo.kernel.money.Money;
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
import java.util.Set;
import org.primefaces.PrimeFaces;

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
      io.hezuo.submission.document.ApplicationPdf.BUDGET_ORDER;

  /** The six text sections, in the form's order (ids of the form's fields). */
  public static final List<String> TEXTS =
      List.of(
          "textBasis",
          "textContent",
          "textRoute",
          "textCooperation",
          "textOutcomes",
          "textIndicators");

  @Inject PiApplications service;
  @Inject Applications applications;
  @Inject CallCatalogue calls;

  private long id;
  private ApplicationView app;
  private LineView line;
  private long version;
  private final Map<String, String> f = new LinkedHashMap<>();
  private final Map<String, String> budget = new LinkedHashMap<>();
  private final Map<String, Integer> targets = new LinkedHashMap<>();
  private Integer onsiteDays;
  private List<RuleViolation> checks = List.of();

  /** The unit amounts are typed and shown in on this form (元 or 万元), chosen by the PI. */
  private Money.Unit moneyUnit = Money.Unit.YUAN;

  /** What each check's field is beside: the client id of its input (only for rendered ones). */
  private Map<String, String> anchors = Map.of();

  private Money budgetTotal;
  private Money budgetExpected;
  private Money transferLimit;
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
    f.put("disciplineCode", x.disciplineCode());
    f.put("regionCode", x.regionCode());
    f.put("topicCode", x.topicCode());
    f.put("partnerName", x.partnerName());
    f.put("partnerCountry", x.partnerCountry());
    f.put("partnerContact", x.partnerContact());
    f.put("foreignReference", x.foreignReference());
    f.put("foreignDate", x.foreignDate());
    f.put("startMonth", x.startMonth());
    f.put("endMonth", x.endMonth());
    f.put("subsidy", shown(x.subsidy()));
    f.put("selfFunds", shown(x.selfFunds()));
    f.put("transferAmount", shown(x.transferAmount()));
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
      budget.put(c, x.budget() == null ? null : shown(x.budget().get(c)));
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

  /**
   * The form as the PI has it on screen, the ONE place it is built: amounts converted from the
   * chosen unit to 元 (an entry that is not an amount is passed as typed, and the save refuses it).
   */
  private ApplicationForm form() {
    Map<String, String> b = new LinkedHashMap<>();
    budget.forEach(
        (k, v) -> {
          if (v != null && !v.isBlank()) {
            b.put(k, yuan(v));
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
            f.get("disciplineCode"),
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
            yuan(f.get("subsidy")), yuan(f.get("selfFunds")), yuan(f.get("transferAmount")), b),
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

  /**
   * The checks of the form as it stands on screen, without saving it: called as the PI leaves a
   * field that changed.
   */
  public void recheck() {
    List<RuleViolation> entry = entryErrors();
    List<RuleViolation> all = new ArrayList<>(entry);
    Set<String> refused = fieldsOf(entry);
    for (RuleViolation v : service.checkUnsaved(id, form())) {
      if (v.field() == null || !refused.contains(v.field())) {
        all.add(v);
      }
    }
    show(all);
  }

  private boolean persist() {
    List<RuleViolation> entry = entryErrors();
    if (!entry.isEmpty()) {
      // the checks of the rest still show, with the entries beside their fields
      recheck();
      FacesViolations.error("submission.edit.notSaved");
      return false;
    }
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

  /**
   * The submit button: saves, checks, and only when no error is left opens the confirmation (the
   * dialog's yes calls {@link #submit()}).
   */
  public void prepareSubmit() {
    if (!persist()) {
      return;
    }
    long errors = getErrorCount();
    if (errors > 0) {
      FacesViolations.error("submission.edit.fixFirst", errors);
      return;
    }
    PrimeFaces.current().ajax().addCallbackParam("ready", true);
  }

  public String submit() {
    try {
      service.submit(id, version);
      return "view?faces-redirect=true&submitted=true&id=" + id;
    } catch (RuleViolationException e) {
      // the address keeps ?id= (an ajax request): a reload shows the application and its checks
      refreshChecks();
      FacesViolations.show("app", e.violations());
      return null;
    }
  }

  private void refreshChecks() {
    show(applications.check(id));
  }

  /** Shows a list of checks: the list on top, each beside its field, the totals. */
  private void show(List<RuleViolation> list) {
    checks = List.copyOf(list);
    anchors = anchors();
    Money total = Money.ZERO;
    for (String v : budget.values()) {
      Money m = parsed(v);
      total = m == null ? total : total.plus(m);
    }
    budgetTotal = total;
    Money subsidy = parsed(f.get("subsidy"));
    Money self = parsed(f.get("selfFunds"));
    budgetExpected =
        subsidy == null && self == null
            ? null
            : (subsidy == null ? Money.ZERO : subsidy).plus(self == null ? Money.ZERO : self);
    transferLimit =
        subsidy == null || line == null || line.maxTransferPercent() == null
            ? null
            : Money.of(
                subsidy
                    .amount()
                    .multiply(line.maxTransferPercent())
                    .divide(java.math.BigDecimal.valueOf(100))
                    .setScale(2, java.math.RoundingMode.DOWN));
  }

  /** Amounts the PI typed that are not amounts in the chosen unit (F-MONEY, beside the field). */
  private List<RuleViolation> entryErrors() {
    List<RuleViolation> out = new ArrayList<>();
    for (String k : List.of("subsidy", "selfFunds", "transferAmount")) {
      moneyEntry(out, k, f.get(k));
    }
    budget.forEach((k, v) -> moneyEntry(out, "budget_" + k, v));
    return out;
  }

  private void moneyEntry(List<RuleViolation> out, String field, String text) {
    if (text != null && !text.isBlank() && parsed(text) == null) {
      out.add(
          RuleViolation.error(
              "F-MONEY",
              field,
              moneyUnit == Money.Unit.WAN
                  ? "submission.edit.moneyInvalidWan"
                  : "submission.edit.moneyInvalidYuan"));
    }
  }

  private static Set<String> fieldsOf(List<RuleViolation> vs) {
    Set<String> out = new java.util.HashSet<>();
    for (RuleViolation v : vs) {
      if (v.field() != null) {
        out.add(v.field());
      }
    }
    return out;
  }

  /** The text typed in the chosen unit as an amount, or null (blank, or not an amount). */
  private Money parsed(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      Money m = Money.parse(text, moneyUnit);
      return m.amount().abs().compareTo(new java.math.BigDecimal("9999999999999.99")) > 0
          ? null
          : m;
    } catch (IllegalArgumentException | ArithmeticException e) {
      return null;
    }
  }

  /** What the form sends for a typed amount: 元 with two decimals, or the text as typed. */
  private String yuan(String text) {
    if (text == null || text.isBlank()) {
      return text;
    }
    Money m = parsed(text);
    return m == null ? text : m.toString();
  }

  /** A stored amount in 元 as the input shows it in the chosen unit. */
  private String shown(String yuan) {
    if (yuan == null || yuan.isBlank()) {
      return yuan;
    }
    try {
      Money m = Money.parse(yuan, Money.Unit.YUAN);
      return moneyUnit == Money.Unit.WAN ? m.toWanString() : m.toString();
    } catch (IllegalArgumentException e) {
      return yuan;
    }
  }

  /** The unit selector changed: the amounts typed so far are converted exactly to the new unit. */
  public void changeUnit() {
    Money.Unit chosen = moneyUnit;
    // the values were typed in the unit the form showed before this change
    moneyUnit = chosen == Money.Unit.WAN ? Money.Unit.YUAN : Money.Unit.WAN;
    Map<String, String> yuanOf = new LinkedHashMap<>();
    for (String k : List.of("subsidy", "selfFunds", "transferAmount")) {
      yuanOf.put(k, yuan(f.get(k)));
    }
    Map<String, String> budgetYuan = new LinkedHashMap<>();
    budget.forEach((k, v) -> budgetYuan.put(k, yuan(v)));
    moneyUnit = chosen;
    yuanOf.forEach((k, v) -> f.put(k, shown(v)));
    budgetYuan.forEach((k, v) -> budget.put(k, shown(v)));
    recheck();
  }

  /**
   * The client id of the input each check's field is beside, for the fields this form renders: the
   * top list links there and the script puts the message next to it.
   */
  private Map<String, String> anchors() {
    Map<String, String> a = new java.util.HashMap<>();
    List<String> plain =
        new ArrayList<>(
            List.of(
                "titleZh",
                "titleEn",
                "disciplineCode",
                "partnerName",
                "partnerCountry",
                "partnerContact",
                "startMonth",
                "endMonth",
                "subsidy",
                "selfFunds",
                "domesticPartners"));
    if (line != null) {
      switch (line.groupCode()) {
        case "A1" -> plain.addAll(List.of("partnerCode", "foreignReference", "foreignDate"));
        case "A2" -> plain.add("platformCode");
        case "A3" -> plain.add("fieldCode");
        default -> {}
      }
      if (line.category() == io.hezuo.call.api.Category.COUNTERPART) {
        plain.addAll(List.of("regionCode", "topicCode", "transferAmount", "onsiteDays"));
      }
      if (!line.whiteListExempt()) {
        a.put("basePlatformId", "app:basePlatformRow");
        if (!getBasePlatforms().isEmpty()) {
          plain.add("basePlatformId");
        }
      }
    }
    for (String p : plain) {
      a.put(p, "app:" + p);
    }
    a.put("budget", "app:budgetTotal");
    for (int i = 0; i < TEXTS.size(); i++) {
      a.put(TEXTS.get(i), "app:texts:" + i + ":text");
    }
    for (int i = 0; i < BUDGET.size(); i++) {
      a.put("budget_" + BUDGET.get(i), "app:budgets:" + i + ":budget");
    }
    List<TargetView> shownTargets = currentTargets();
    for (int i = 0; i < shownTargets.size(); i++) {
      a.put("target_" + shownTargets.get(i).code(), "app:targets:" + i + ":target");
    }
    // the checks count the rows the save keeps (a row without name and ID number is dropped)
    Map<String, String> columns =
        Map.of(
            "name", "memberName",
            "idType", "memberIdType",
            "idNumber", "memberIdNumber",
            "unit", "memberUnit",
            "role", "memberRole",
            "months", "memberMonths");
    int kept = 0;
    for (int row = 0; row < team.size(); row++) {
      MemberRow m = team.get(row);
      if (blank(m.getName()) && blank(m.getIdNumber())) {
        continue;
      }
      for (Map.Entry<String, String> c : columns.entrySet()) {
        a.put("team_" + kept + "_" + c.getKey(), "app:team:" + row + ":" + c.getValue());
      }
      kept++;
    }
    return a;
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  /** The client id of the input the check is beside, or null (a check of the whole form). */
  public String anchor(RuleViolation v) {
    return v.field() == null ? null : anchors.get(v.field());
  }

  /** The check without its field's label, for beside the field: {@code [G6] 须大于 0}. */
  public String shortText(RuleViolation v) {
    return "[" + v.ruleId() + "] " + Messages.get(locale(), v.messageKey(), v.args().toArray());
  }

  /** G2: the id of the PI's own other application the message names, or null. */
  public Long otherOwnApplication(RuleViolation v) {
    if (!"G2".equals(v.ruleId()) || v.args().size() < 3) {
      return null;
    }
    return v.args().get(2) instanceof Number n && n.longValue() > 0 ? n.longValue() : null;
  }

  public long getErrorCount() {
    return checks.stream().filter(RuleViolation::isError).count();
  }

  public long getWarningCount() {
    return checks.size() - getErrorCount();
  }

  /** The submit button's text: how many errors block it, when any. */
  public String getSubmitLabel() {
    long errors = getErrorCount();
    return errors == 0
        ? Messages.get(locale(), "submission.edit.submit")
        : Messages.get(locale(), "submission.edit.submitBlocked", errors);
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
    return getErrorCount() == 0;
  }

  public String getMoneyUnit() {
    return moneyUnit.name();
  }

  public void setMoneyUnit(String unit) {
    this.moneyUnit = "WAN".equals(unit) ? Money.Unit.WAN : Money.Unit.YUAN;
  }

  public String getUnitLabel() {
    return Messages.get(locale(), "submission.edit.unit." + moneyUnit.name());
  }

  public Money getBudgetTotal() {
    return budgetTotal;
  }

  public Money getBudgetExpected() {
    return budgetExpected;
  }

  /** Whether the budget's lines add up to the subsidy plus self-raised funds. */
  public boolean isBudgetBalanced() {
    return budgetExpected != null && budgetExpected.equals(budgetTotal);
  }

  public Money getTransferLimit() {
    return transferLimit;
  }

  /** The discipline codes grouped by section, for the choice (built once per view and language). */
  private transient List<jakarta.faces.model.SelectItem> disciplines;

  private transient Locale disciplinesLocale;

  public List<jakarta.faces.model.SelectItem> getDisciplines() {
    Locale l = locale();
    if (disciplines == null || !l.equals(disciplinesLocale)) {
      Map<String, List<jakarta.faces.model.SelectItem>> bySection = new LinkedHashMap<>();
      Map<String, String> sectionLabels = new java.util.HashMap<>();
      for (io.hezuo.call.api.DisciplineView d : calls.disciplines()) {
        sectionLabels.putIfAbsent(
            d.sectionCode(),
            d.sectionCode() + " " + (d.sectionName() == null ? "" : d.sectionName().in(l)));
        bySection
            .computeIfAbsent(d.sectionCode(), k -> new ArrayList<>())
            .add(new jakarta.faces.model.SelectItem(d.code(), d.label(l)));
      }
      List<jakarta.faces.model.SelectItem> out = new ArrayList<>();
      bySection.forEach(
          (section, items) -> {
            jakarta.faces.model.SelectItemGroup g =
                new jakarta.faces.model.SelectItemGroup(sectionLabels.get(section));
            g.setSelectItems(items.toArray(new jakarta.faces.model.SelectItem[0]));
            out.add(g);
          });
      disciplines = out;
      disciplinesLocale = l;
    }
    return disciplines;
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
