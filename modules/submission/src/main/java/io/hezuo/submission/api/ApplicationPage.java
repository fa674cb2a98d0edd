package io.hezuo.submission.api;

import java.io.Serializable;
import java.util.List;

/** One page of applications found by an {@link ApplicationQuery}, and how many match in all. */
public record ApplicationPage(List<ApplicationRow> rows, long total) implements Serializable {

  public ApplicationPage {
    rows = List.copyOf(rows);
  }
}
