package io.hezuo.submission.domain;

import java.text.Normalizer;
import java.util.Optional;

/**
 * The name an attachment is stored and shown under, the same for the screen and REST: Unicode NFC,
 * surrounding white space trimmed, an empty name becomes {@code attachment.pdf}. Refused (the name
 * is never stored verbatim): path separators and the names {@code .} and {@code ..} (no path
 * traversal), control characters such as CR, LF and NUL (no header or log injection), invisible
 * formatting characters such as the right-to-left override (no disguised extensions), and names
 * over {@value #MAX_LENGTH} characters.
 */
public final class AttachmentName {

  public static final int MAX_LENGTH = 200;
  static final String DEFAULT = "attachment.pdf";

  private AttachmentName() {}

  /** The normalised name, or empty when it must be refused. */
  public static Optional<String> normalise(String raw) {
    if (raw == null || raw.isBlank()) {
      return Optional.of(DEFAULT);
    }
    String name = Normalizer.normalize(raw, Normalizer.Form.NFC).strip();
    if (name.isEmpty()) {
      return Optional.of(DEFAULT);
    }
    if (name.equals(".")
        || name.equals("..")
        || name.codePointCount(0, name.length()) > MAX_LENGTH) {
      return Optional.empty();
    }
    boolean bad =
        name.codePoints()
            .anyMatch(
                c ->
                    c == '/'
                        || c == '\\'
                        || Character.getType(c) == Character.CONTROL
                        || Character.getType(c) == Character.FORMAT
                        || Character.getType(c) == Character.UNASSIGNED
                        || Character.getType(c) == Character.PRIVATE_USE
                        || Character.getType(c) == Character.SURROGATE
                        || c == 0x2028
                        || c == 0x2029);
    return bad ? Optional.empty() : Optional.of(name);
  }
}
