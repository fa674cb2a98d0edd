package io.hezuo.call.api;

import java.util.List;
import java.util.Optional;

/**
 * What other modules may ask the call module: the current call, a call by id, a line by code, its
 * topics with their minimum targets, and whether a window is open by the server's clock.
 */
public interface CallCatalogue {

  /** The published call of the latest year, if any. */
  Optional<CallView> current();

  Optional<CallView> find(long callId);

  Optional<LineView> line(long callId, String lineCode);

  /** The topics of a line with their minimum performance targets (empty for A lines). */
  List<TopicView> topics(long callId, String lineCode);

  /** Whether applicants may submit to the call now, by the server's clock (D1). */
  boolean isSubmissionOpen(long callId);

  /** Whether recommending units may still recommend and upload now, by the server's clock (D1). */
  boolean isRecommendationOpen(long callId);

  /**
   * The recorded host units of a line's A2 platforms (all platforms of the line; removed ones are
   * left out): who may apply for which platform.
   */
  List<PlatformHostView> platformHosts(long callId, String lineCode);

  /**
   * The discipline codes an application may choose (学科代码, level 2: F06), in order with their
   * sections; the same for every call. Read once and kept (a reference list changed by migration).
   */
  List<DisciplineView> disciplines();

  /** The discipline of a code (level 2), if it is one of {@link #disciplines()}. */
  default java.util.Optional<DisciplineView> discipline(String code) {
    if (code == null) {
      return java.util.Optional.empty();
    }
    return disciplines().stream().filter(d -> d.code().equals(code)).findFirst();
  }
}
