package io.hezuo.directory.web;

import io.hezuo.directory.api.PlatformView;
import io.hezuo.directory.api.WhiteList;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * Backing bean of {@code directory/whitelist.xhtml}: the public, read-only white list, searched in
 * SQL (name, host unit, field, level). Members are counted, never listed. Request scoped, with a
 * stateless view (an anonymous visitor gets no session): the search text comes with every request
 * of the page's form (the search, the table's paging, the export), or as {@code ?q=} on a GET.
 */
@Named("directoryWhitelist")
@RequestScoped
public class DirectoryWhiteList implements Serializable {

  private static final long serialVersionUID = 1L;

  /** At most this many platforms are loaded for one search (the table pages through them). */
  static final int LIMIT = 5000;

  @Inject WhiteList whiteList;

  private String query;
  private List<PlatformView> platforms;
  private long total = -1;

  @PostConstruct
  void init() {
    FacesContext fc = FacesContext.getCurrentInstance();
    if (fc != null) {
      java.util.Map<String, String> params = fc.getExternalContext().getRequestParameterMap();
      query = params.containsKey("wl:q") ? params.get("wl:q") : params.get("q");
    }
  }

  public String getQuery() {
    return query;
  }

  public void setQuery(String query) {
    this.query = query;
  }

  public void search() {
    platforms = null;
    total = -1;
  }

  public List<PlatformView> getPlatforms() {
    if (platforms == null) {
      platforms = whiteList.search(query, 0, LIMIT);
    }
    return platforms;
  }

  public long getTotal() {
    if (total < 0) {
      total = whiteList.count(query);
    }
    return total;
  }

  /** The fields of a platform as one line: 海洋经济、装备制造. */
  public String fields(PlatformView p) {
    return String.join("、", p.fields());
  }
}
