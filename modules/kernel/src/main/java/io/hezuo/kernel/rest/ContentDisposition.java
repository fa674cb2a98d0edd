package io.hezuo.kernel.rest;

import java.nio.charset.StandardCharsets;

/**
 * {@code Content-Disposition} values per RFC 6266: an ASCII {@code filename} fallback (quotes,
 * backslashes, control and non-ASCII characters replaced by {@code _}) and the exact name as {@code
 * filename*=UTF-8''…} (RFC 8187 percent-encoding), so that Chinese names arrive intact and nothing
 * in a name can break the header.
 */
public final class ContentDisposition {

  private ContentDisposition() {}

  public static String attachment(String fileName) {
    return of("attachment", fileName);
  }

  public static String inline(String fileName) {
    return of("inline", fileName);
  }

  static String of(String type, String fileName) {
    String name = fileName == null || fileName.isBlank() ? "download" : fileName;
    StringBuilder ascii = new StringBuilder();
    name.codePoints()
        .forEach(
            c -> ascii.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' ? (char) c : '_'));
    return type + "; filename=\"" + ascii + "\"; filename*=UTF-8''" + encode(name);
  }

  /** RFC 8187 {@code value-chars}: attr-char as is, everything else as %XX of its UTF-8 bytes. */
  static String encode(String s) {
    StringBuilder out = new StringBuilder();
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || "!#$&+-.^_`|~".indexOf(c) >= 0) {
        out.append((char) c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)));
        out.append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return out.toString();
  }
}
