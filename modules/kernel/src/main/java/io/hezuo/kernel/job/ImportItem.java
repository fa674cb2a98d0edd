package io.hezuo.kernel.job;

import java.io.Serializable;
import java.util.List;

/**
 * One line of an import's report: a file of a zip or a problem of a row.
 *
 * @param position its place in the report (a file's position in the zip, a problem's number)
 * @param name the file's path in the zip, or the cell ({@code pis!G3})
 * @param outcome IMPORTED, SKIPPED (a duplicate) or REFUSED
 * @param ruleId the rule a refusal breaks, if any
 * @param messageKey the reason, a key of the importing module's bundle
 * @param args the reason's arguments
 */
public record ImportItem(
    int position, String name, String outcome, String ruleId, String messageKey, List<String> args)
    implements Serializable {

  public static final String IMPORTED = "IMPORTED";
  public static final String SKIPPED = "SKIPPED";
  public static final String REFUSED = "REFUSED";

  public ImportItem {
    args = args == null ? List.of() : List.copyOf(args);
  }

  /** The arguments as the message takes them. */
  public Object[] arguments() {
    return args.toArray();
  }
}
