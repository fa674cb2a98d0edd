package io.hezuo.call.api;

import java.io.Serializable;

/**
 * A discipline code (学科代码) an application chooses, in its section: {@code F06} 人工智能 in {@code F}
 * 信息科学部. The first two levels of the NSFC application codes, the scheme the expert pool's fields
 * use (an expert's F0601 lies in F06).
 */
public record DisciplineView(String sectionCode, Text sectionName, String code, Text name)
    implements Serializable {

  /** {@code F06 人工智能} (or in English), as a choice or a field is shown. */
  public String label(java.util.Locale locale) {
    return code + " " + name.in(locale);
  }
}
