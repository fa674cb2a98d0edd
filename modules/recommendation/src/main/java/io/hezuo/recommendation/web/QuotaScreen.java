package io.hezuo.recommendation.web;

import io.hezuo.directory.api.OrganisationView;
import io.hezuo.kernel.faces.FacesViolations;
import io.hezuo.kernel.rule.RuleViolationException;
import io.hezuo.recommendation.api.QuotaImportReport;
import io.hezuo.recommendation.service.QuotaAdmin;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Backing bean of {@code app/recommendation/quotas.xhtml}: the Department's places per recommending
 * unit and quota group (R1), edited in a grid (each change audited with the reason) or imported
 * from Excel (all or nothing, the rows' errors listed).
 */
@Named("recQuotas")
@ViewScoped
public class QuotaScreen implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The largest workbook accepted. */
  public static final long MAX_BYTES = 5L * 1024 * 1024;

  @Inject QuotaAdmin admin;

  /** One recommending unit's row: its places per group as typed. */
  public static class Line implements Serializable {
    private static final long serialVersionUID = 1L;
    private final long recommenderId;
    private final String name;
    private final Map<String, String> places = new LinkedHashMap<>();
    private final Map<String, String> saved = new LinkedHashMap<>();
    private final Map<String, String> errors = new LinkedHashMap<>();

    Line(long recommenderId, String name) {
      this.recommenderId = recommenderId;
      this.name = name;
    }

    public long getRecommenderId() {
      return recommenderId;
    }

    public String getName() {
      return name;
    }

    public Map<String, String> getPlaces() {
      return places;
    }

    /** The refusal of a cell's last save, per group, shown beside the cell. */
    public Map<String, String> getErrors() {
      return errors;
    }
  }

  private List<String> groups = List.of();
  private List<Line> lines = new ArrayList<>();
  private String reason;
  private transient Part file;
  private QuotaImportReport report;

  public void load() {
    groups = admin.groupsWithPlaces();
    Map<Long, Map<String, Integer>> q = admin.quotas();
    lines = new ArrayList<>();
    for (OrganisationView o : admin.recommenders()) {
      Line l = new Line(o.id(), o.name());
      for (String g : groups) {
        Integer p = q.getOrDefault(o.id(), Map.of()).get(g);
        l.places.put(g, p == null ? "" : String.valueOf(p));
        l.saved.put(g, p == null ? "" : String.valueOf(p));
      }
      lines.add(l);
    }
  }

  /** Saves the changed cells, each audited with the reason. */
  public void save() {
    int changed = 0;
    boolean failed = false;
    {
      for (Line l : lines) {
        l.errors.clear();
        for (String g : groups) {
          String now = l.places.get(g) == null ? "" : l.places.get(g).trim();
          if (now.isEmpty() || Objects.equals(now, l.saved.get(g))) {
            continue;
          }
          int places;
          try {
            places = Integer.parseInt(now);
          } catch (NumberFormatException e) {
            places = -1;
          }
          try {
            admin.setQuota(l.recommenderId, g, places, reason);
            l.saved.put(g, now);
            changed++;
          } catch (RuleViolationException e) {
            failed = true;
            java.util.Locale locale = FacesContext.getCurrentInstance().getViewRoot().getLocale();
            l.errors.put(
                g,
                String.join(
                    " ",
                    e.violations().stream()
                        .map(v -> io.hezuo.kernel.i18n.Messages.describe(locale, v))
                        .toList()));
            for (var v : e.violations()) {
              FacesViolations.error(
                  "recommendation.quotas.cellError",
                  l.name,
                  io.hezuo.kernel.i18n.Messages.get(locale, "recommendation.group." + g),
                  io.hezuo.kernel.i18n.Messages.describe(locale, v));
            }
          }
        }
      }
      if (changed > 0 || !failed) {
        FacesViolations.info("recommendation.quotas.saved", changed);
      }
    }
  }

  /** Imports the uploaded workbook. */
  public void upload() {
    report = null;
    if (file == null || file.getSize() == 0) {
      FacesViolations.error("recommendation.quotas.import.choose");
      return;
    }
    if (file.getSize() > MAX_BYTES) {
      FacesViolations.error("recommendation.quotas.import.tooLarge", MAX_BYTES / 1024 / 1024);
      return;
    }
    byte[] bytes;
    try (InputStream in = file.getInputStream()) {
      bytes = in.readAllBytes();
    } catch (IOException e) {
      FacesViolations.error("recommendation.quota.import.notExcel");
      return;
    }
    report = admin.importQuotas(bytes, FacesContext.getCurrentInstance().getViewRoot().getLocale());
    if (report.imported()) {
      FacesViolations.info("recommendation.quotas.import.done", report.rows());
      load();
    } else {
      FacesViolations.error("recommendation.quotas.import.refused", report.errors().size());
    }
  }

  public List<String> getGroups() {
    return groups;
  }

  public List<Line> getLines() {
    return lines;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }

  public Part getFile() {
    return file;
  }

  public void setFile(Part file) {
    this.file = file;
  }

  public QuotaImportReport getReport() {
    return report;
  }
}
