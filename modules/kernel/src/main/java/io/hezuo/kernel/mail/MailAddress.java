package io.hezuo.kernel.mail;

import io.hezuo.kernel.error.BadRequestException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.regex.Pattern;

/**
 * The check of a recipient's address: one bare address ({@code name@example.com}), no display name,
 * no list, no line break or control character (header injection), at most 254 characters (RFC
 * 5321), a domain with at least one dot, and valid by Jakarta Mail's strict RFC 822 parser.
 */
public final class MailAddress {

  /** The longest address SMTP carries (RFC 5321 4.5.3.1.3). */
  public static final int MAX_LENGTH = 254;

  // labels of letters (any script), digits and hyphens, not starting or ending with a hyphen
  private static final Pattern DOMAIN =
      Pattern.compile(
          "(?:[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?\\.)+"
              + "[\\p{L}](?:[\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?");

  private MailAddress() {}

  /** Whether {@code address} is one well-formed e-mail address (surrounding blanks ignored). */
  public static boolean isValid(String address) {
    return problem(address) == null;
  }

  /** The address, trimmed, when well-formed; otherwise a {@link BadRequestException} saying why. */
  public static String check(String address) {
    String problem = problem(address);
    if (problem != null) {
      throw new BadRequestException("not an e-mail address (" + problem + "): " + shown(address));
    }
    return address.strip();
  }

  static String problem(String address) {
    if (address == null || address.isBlank()) {
      return "empty";
    }
    String a = address.strip();
    if (a.length() > MAX_LENGTH) {
      return "longer than " + MAX_LENGTH + " characters";
    }
    if (a.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
      return "blank or control character inside";
    }
    int at = a.lastIndexOf('@');
    if (at <= 0 || at == a.length() - 1 || a.indexOf('@') != at) {
      return "not exactly one @ between a name and a domain";
    }
    if (at > 64) {
      return "the part before @ is longer than 64 characters";
    }
    if (!DOMAIN.matcher(a.substring(at + 1)).matches()) {
      return "the domain is not a host name with a dot";
    }
    try {
      InternetAddress parsed = new InternetAddress(a, true);
      parsed.validate();
      if (parsed.getPersonal() != null || !a.equals(parsed.getAddress())) {
        return "a display name or more than an address";
      }
    } catch (AddressException e) {
      return "not RFC 822: " + e.getMessage();
    }
    return null;
  }

  private static String shown(String address) {
    if (address == null) {
      return "null";
    }
    String s = address.replaceAll("\\p{Cntrl}", "?");
    return '"' + (s.length() > 80 ? s.substring(0, 80) + "…" : s) + '"';
  }
}
