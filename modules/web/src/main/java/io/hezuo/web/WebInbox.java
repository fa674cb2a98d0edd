package io.hezuo.web;

import io.hezuo.kernel.error.NotSignedInException;
import io.hezuo.kernel.faces.FacesViolations;
import io.hezuo.kernel.i18n.Messages;
import io.hezuo.kernel.message.Inbox;
import io.hezuo.kernel.message.InboxEntry;
import io.hezuo.kernel.security.Caller;
import io.hezuo.kernel.time.Zones;
import jakarta.faces.context.FacesContext;
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

/**
 * Backing bean of {@code app/inbox.xhtml}: the messages addressed to the signed-in user, newest
 * first, all or only the unread, paged in SQL; each opens the page of what it is about.
 */
@Named("webInbox")
@ViewScoped
public class WebInbox implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject Inbox inbox;
  @Inject Caller caller;

  private boolean unreadOnly;

  private final LazyDataModel<InboxEntry> model =
      new LazyDataModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
          return (int) inbox.count(me(), unreadOnly);
        }

        @Override
        public List<InboxEntry> load(
            int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> f) {
          return inbox.inbox(me(), unreadOnly, first, pageSize);
        }

        @Override
        public String getRowKey(InboxEntry e) {
          return String.valueOf(e.message().id());
        }
      };

  public LazyDataModel<InboxEntry> getModel() {
    return model;
  }

  public void markAllRead() {
    inbox.markAllRead(me());
    FacesViolations.info("web.inbox.allRead");
  }

  public String text(InboxEntry e) {
    return e.message()
        .text(Messages.normalise(FacesContext.getCurrentInstance().getViewRoot().getLocale()));
  }

  public String format(Instant at) {
    return Zones.format(at);
  }

  public boolean isUnreadOnly() {
    return unreadOnly;
  }

  public void setUnreadOnly(boolean unreadOnly) {
    this.unreadOnly = unreadOnly;
  }

  private String me() {
    if (!caller.isSignedIn()) {
      throw new NotSignedInException("log in first");
    }
    return caller.name();
  }
}
