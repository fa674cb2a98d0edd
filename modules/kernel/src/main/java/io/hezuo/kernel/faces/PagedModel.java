package io.hezuo.kernel.faces;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * A lazy table's rows read a page at a time from a service, and each page once per request: the
 * table's count, its load and its row look-ups share the page read last (a page's EL evaluations
 * never query again). {@link #refresh()} after a search or an action reads it anew.
 *
 * @param <T> a row
 */
public class PagedModel<T> extends LazyDataModel<T> {

  private static final long serialVersionUID = 1L;

  /** One page of rows and the number of all. */
  public record Page<T>(long total, List<T> rows) implements java.io.Serializable {
    /** The rows are copied: a sub-list or a view would not serialize with the session. */
    public Page {
      rows = List.copyOf(rows);
    }
  }

  /** Reads the rows from {@code first}, at most {@code size} of them. */
  @FunctionalInterface
  public interface Reader<T> extends Serializable {
    Page<T> read(int first, int size);
  }

  /** A row's key (e.g. its id). */
  @FunctionalInterface
  public interface Key<T> extends Serializable {
    Object of(T row);
  }

  private final Reader<T> reader;
  private final Key<T> key;

  private transient Page<T> page;
  private int pageFirst = -1;
  private int pageSize = -1;

  public PagedModel(Reader<T> reader, Key<T> key) {
    this.reader = reader;
    this.key = key;
  }

  /** The rows are read again at the next use. */
  public void refresh() {
    page = null;
  }

  private Page<T> fetch(int first, int size) {
    if (page == null || first != pageFirst || size != pageSize) {
      page = reader.read(first, size);
      pageFirst = first;
      pageSize = size;
    }
    return page;
  }

  @Override
  public int count(Map<String, FilterMeta> filterBy) {
    return (int) Math.min(Integer.MAX_VALUE, fetch(0, 20).total());
  }

  @Override
  public List<T> load(
      int first, int size, Map<String, SortMeta> sortBy, Map<String, FilterMeta> f) {
    Page<T> p = fetch(first, size);
    setRowCount((int) Math.min(Integer.MAX_VALUE, p.total()));
    return p.rows();
  }

  @Override
  public String getRowKey(T row) {
    return String.valueOf(key.of(row));
  }

  @Override
  public T getRowData(String rowKey) {
    return page == null
        ? null
        : page.rows().stream()
            .filter(r -> String.valueOf(key.of(r)).equals(rowKey))
            .findFirst()
            .orElse(null);
  }
}
