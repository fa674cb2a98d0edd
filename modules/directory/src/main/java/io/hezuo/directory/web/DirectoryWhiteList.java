package io.hezuo.directory.web;

import io.hezuo.directory.api.PlatformView;
import io.hezuo.directory.api.WhiteList;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * Backing bean of {@code directory/whitelist.xhtml}: the public, read-only white list, searched in
 * SQL (name, host unit, field, level). Members are counted, never listed.
 */
@Named("directoryWhitelist")
@ViewScoped
public class DirectoryWhiteList implements Serializable {

  private static final long serialVersionUID = 1L;

  /** At most this many platforms are loaded for one search (the table pages through them). */
  static final int LIMIT = 5000;

  @Inject transient WhiteList whiteList;

  private String query;
  private List<PlatformView> platforms;
  private long total = -1;

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
