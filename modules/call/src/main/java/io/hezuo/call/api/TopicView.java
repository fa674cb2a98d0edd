package io.hezuo.call.api;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A topic (研究方向) of a B line and its minimum performance targets. */
public record TopicView(String code, Text name, Text content, List<TargetView> targets)
    implements Serializable {

  public TopicView {
    targets = List.copyOf(targets);
  }

  public Optional<TargetView> target(String targetCode) {
    return targets.stream().filter(t -> t.code().equals(targetCode)).findFirst();
  }

  /**
   * The targets that the declared amounts (target code → amount) do not meet; a target that is not
   * declared counts as 0.
   */
  public List<TargetView> shortfalls(Map<String, Integer> declared) {
    return targets.stream().filter(t -> !t.isMetBy(declared.getOrDefault(t.code(), 0))).toList();
  }
}
