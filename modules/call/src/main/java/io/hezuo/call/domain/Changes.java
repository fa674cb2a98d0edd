package io.hezuo.call.domain;

import java.util.Objects;
import java.util.Optional;

/** Collects changed fields as readable {@code field: value} text for the audit log. */
final class Changes {

  private final StringBuilder before = new StringBuilder();
  private final StringBuilder after = new StringBuilder();

  void add(String field, Object from, Object to) {
    if (Objects.equals(from, to)) {
      return;
    }
    append(before, field, from);
    append(after, field, to);
  }

  boolean isEmpty() {
    return after.length() == 0 && before.length() == 0;
  }

  Optional<String[]> result() {
    return isEmpty()
        ? Optional.empty()
        : Optional.of(new String[] {before.toString(), after.toString()});
  }

  private static void append(StringBuilder sb, String field, Object value) {
    if (sb.length() > 0) {
      sb.append("; ");
    }
    sb.append(field).append(": ").append(value == null ? "" : value);
  }
}
