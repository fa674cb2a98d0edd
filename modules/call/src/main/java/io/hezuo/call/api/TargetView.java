package io.hezuo.call.api;

import java.io.Serializable;

/** One minimum performance target of a topic: {@code ≥ minimum unit} (G7). */
public record TargetView(String code, Text label, int minimum, Text unit) implements Serializable {

  /** Whether a declared amount meets the minimum (the minimum itself is enough). */
  public boolean isMetBy(int declared) {
    return declared >= minimum;
  }
}
