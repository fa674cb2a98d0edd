package io.hezuo.contract.web;

import io.hezuo.contract.service.Ledgers;
import io.hezuo.kernel.error.HezuoException;
import io.hezuo.kernel.faces.FacesViolations;
import io.hezuo.kernel.money.Money;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Backing bean of {@code app/contract/finance.xhtml}, the finance screen: the projects the caller
 * sees with approved, disbursed, transferred and balance (searched by text, line, unit and region,
 * or only those whose next tranche is due; paged; Excel), the totals of all matches, the totals per
 * line, unit and aided region, and the money per month as bars. Read once per search.
 */
@Named("finance")
@ViewScoped
public class FinancePage implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject Ledgers ledgers;
  @Inject io.hezuo.call.api.CallCatalogue calls;

  /** Names of the lines and aided regions by code, in both languages (from the catalogue). */
  private Map<String, io.hezuo.call.api.Text> names = Map.of();

  private String text;
  private String line;
  private Long unit;
  private String region;
  private boolean dueOnly;
  private String groupBy = "line";

  private List<Ledgers.ProjectRow> rows;
  private Ledgers.Totals totals;
  private List<Ledgers.Totals> byLine = List.of();
  private List<Ledgers.Totals> byUnit = List.of();
  private List<Ledgers.Totals> byRegion = List.of();
  private List<Ledgers.Month> months = List.of();
  private List<String> lines = List.of();
  private Map<Long, String> units = Map.of();
  private List<String> regions = List.of();
  private Money maxMonth = Money.ZERO;

  public void load() {
    if (rows == null) {
      try {
        Map<String, io.hezuo.call.api.Text> n = new java.util.HashMap<>();
        calls
            .current()
            .ifPresent(
                c -> {
                  for (io.hezuo.call.api.LineView l : c.lines()) {
                    n.put(l.code(), l.name());
                    for (io.hezuo.call.api.RegionView r : l.regions()) {
                      n.put(r.code(), r.name());
                    }
                  }
                });
        names = n;
        // the choices come from everything the caller sees, once
        List<Ledgers.ProjectRow> all = ledgers.matching(Ledgers.Search.ALL);
        lines =
            new ArrayList<>(new TreeSet<>(all.stream().map(Ledgers.ProjectRow::lineCode).toList()));
        Map<Long, String> u = new LinkedHashMap<>();
        all.stream()
            .sorted(java.util.Comparator.comparing(Ledgers.ProjectRow::unitName))
            .forEach(r -> u.putIfAbsent(r.organisationId(), r.unitName()));
        units = u;
        regions =
            new ArrayList<>(
                new TreeSet<>(
                    all.stream()
                        .map(Ledgers.ProjectRow::regionCode)
                        .filter(java.util.Objects::nonNull)
                        .toList()));
        search();
      } catch (HezuoException e) {
        rows = List.of();
        FacesViolations.error("contract.web.finance.none");
      }
    }
  }

  public void search() {
    Ledgers.Search s = new Ledgers.Search(text, line, unit, region, dueOnly);
    rows = ledgers.matching(s);
    totals = ledgers.find(s, 0, 1).totals();
    Ledgers.Search groups = new Ledgers.Search(text, line, unit, region, false);
    byLine = ledgers.totals(groups, "line");
    byUnit = ledgers.totals(groups, "unit");
    byRegion = ledgers.totals(groups, "region");
    months = ledgers.months(groups);
    maxMonth = Money.ZERO;
    for (Ledgers.Month m : months) {
      if (m.disbursed().isGreaterThan(maxMonth)) {
        maxMonth = m.disbursed();
      }
      if (m.transferred().isGreaterThan(maxMonth)) {
        maxMonth = m.transferred();
      }
    }
  }

  /** A line or an aided region by its name in the user's language (the code when unknown). */
  public String name(String code) {
    if (code == null) {
      return "";
    }
    io.hezuo.call.api.Text t = names.get(code);
    return t == null
        ? code
        : t.in(jakarta.faces.context.FacesContext.getCurrentInstance().getViewRoot().getLocale());
  }

  /** A line as {@code B2 · its name}. */
  public String lineLabel(String code) {
    return code == null ? "" : code + " · " + name(code);
  }

  /** A bar's width in percent of the largest month (at least a sliver for a non-zero month). */
  public String width(Money m) {
    if (m == null || maxMonth.amount().signum() == 0 || m.amount().signum() == 0) {
      return "0";
    }
    java.math.BigDecimal p =
        m.amount()
            .multiply(java.math.BigDecimal.valueOf(100))
            .divide(maxMonth.amount(), 1, java.math.RoundingMode.HALF_UP);
    return p.max(java.math.BigDecimal.ONE).toPlainString();
  }

  /** The export's options: every cell as the text the table shows. */
  public org.primefaces.component.export.ExcelOptions getExcelOptions() {
    org.primefaces.component.export.ExcelOptions o =
        new org.primefaces.component.export.ExcelOptions();
    o.setStronglyTypedCells(false);
    return o;
  }

  public List<Ledgers.ProjectRow> getRows() {
    return rows;
  }

  public Ledgers.Totals getTotals() {
    return totals;
  }

  /** The totals of the chosen grouping: per line, unit or aided region. */
  public List<Ledgers.Totals> getGroups() {
    return switch (groupBy) {
      case "unit" -> byUnit;
      case "region" -> byRegion;
      default -> byLine;
    };
  }

  /** A group's name: the line with its name, the unit, or the aided region's name. */
  public String groupLabel(Ledgers.Totals t) {
    return switch (groupBy) {
      case "unit" -> t.label();
      case "region" -> name(t.key());
      default -> lineLabel(t.key());
    };
  }

  public String getGroupBy() {
    return groupBy;
  }

  public void setGroupBy(String groupBy) {
    this.groupBy = "unit".equals(groupBy) || "region".equals(groupBy) ? groupBy : "line";
  }

  public List<Ledgers.Totals> getByLine() {
    return byLine;
  }

  public List<Ledgers.Totals> getByUnit() {
    return byUnit;
  }

  public List<Ledgers.Totals> getByRegion() {
    return byRegion;
  }

  public List<Ledgers.Month> getMonths() {
    return months;
  }

  public List<String> getLines() {
    return lines;
  }

  public Map<Long, String> getUnits() {
    return units;
  }

  public List<Long> getUnitIds() {
    return new ArrayList<>(units.keySet());
  }

  public boolean isManyUnits() {
    return units.size() > 1;
  }

  public List<String> getRegions() {
    return regions;
  }

  public String getText() {
    return text;
  }

  public void setText(String text) {
    this.text = text;
  }

  public String getLine() {
    return line;
  }

  public void setLine(String line) {
    this.line = line;
  }

  public Long getUnit() {
    return unit;
  }

  public void setUnit(Long unit) {
    this.unit = unit;
  }

  public String getRegion() {
    return region;
  }

  public void setRegion(String region) {
    this.region = region;
  }

  public boolean isDueOnly() {
    return dueOnly;
  }

  public void setDueOnly(boolean dueOnly) {
    this.dueOnly = dueOnly;
  }
}
