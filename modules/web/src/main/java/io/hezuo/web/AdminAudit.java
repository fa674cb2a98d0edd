package io.hezuo.web;

import io.hezuo.kernel.audit.AuditLog;
import io.hezuo.kernel.audit.AuditRecord;
import io.hezuo.kernel.error.AccessDeniedException;
import io.hezuo.kernel.i18n.Messages;
import io.hezuo.kernel.security.Caller;
import io.hezuo.kernel.time.Zones;
import io.hezuo.web.i18n.I18n;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/** Backing bean of {@code app/admin/audit.xhtml}: the audit log, newest first, paged in SQL. */
@Named("adminAudit")
@ViewScoped
public class AdminAudit implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient AuditLog auditLog;
  @Inject transient Caller caller;
  @Inject transient I18n i18n;

  private final LazyDataModel<AuditRecord> model =
      new LazyDataModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
          requireAdmin();
          return (int) auditLog.count();
        }

        @Override
        public List<AuditRecord> load(
            int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> f) {
          requireAdmin();
          return auditLog.latest(first, pageSize);
        }

        @Override
        public String getRowKey(AuditRecord r) {
          return String.valueOf(r.getId());
        }
      };

  public LazyDataModel<AuditRecord> getModel() {
    return model;
  }

  /** A role as its label ({@code web.role.ADMIN} → 系统管理员); a code without a label as it is. */
  public String role(String code) {
    if (code == null || code.isBlank()) {
      return "";
    }
    String key = "web.role." + code;
    return Messages.exists(key) ? i18n.get(key) : code;
  }

  public String format(Instant at) {
    return Zones.format(at);
  }

  private void requireAdmin() {
    if (!caller.hasRole("ADMIN")) {
      throw new AccessDeniedException("only the administrator reads the audit log");
    }
  }
}
