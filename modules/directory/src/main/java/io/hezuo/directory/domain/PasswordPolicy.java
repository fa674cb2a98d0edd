package io.hezuo.directory.domain;

import io.hezuo.kernel.rule.RuleViolation;
import java.util.Optional;

/**
 * Password complexity of China's graded protection level 3 (等保三级): at least 8 characters from at
 * least three of the classes lower case, upper case, digits and symbols; at most 128; not
 * containing the user name.
 */
public final class PasswordPolicy {

  public static final int MIN_LENGTH = 8;
  public static final int MAX_LENGTH = 128;

  private PasswordPolicy() {}

  public static Optional<RuleViolation> check(String password, String username, String field) {
    if (password == null || password.length() < MIN_LENGTH) {
      return Optional.of(
          RuleViolation.error("F-PWD", field, "directory.password.tooShort", MIN_LENGTH));
    }
    if (password.length() > MAX_LENGTH) {
      return Optional.of(
          RuleViolation.error("F-PWD", field, "directory.password.tooLong", MAX_LENGTH));
    }
    int classes = 0;
    classes += password.chars().anyMatch(c -> c >= 'a' && c <= 'z') ? 1 : 0;
    classes += password.chars().anyMatch(c -> c >= 'A' && c <= 'Z') ? 1 : 0;
    classes += password.chars().anyMatch(c -> c >= '0' && c <= '9') ? 1 : 0;
    classes += password.chars().anyMatch(c -> !Character.isLetterOrDigit(c)) ? 1 : 0;
    if (classes < 3) {
      return Optional.of(RuleViolation.error("F-PWD", field, "directory.password.classes"));
    }
    if (username != null
        && username.length() >= 3
        && password.toLowerCase().contains(username.toLowerCase())) {
      return Optional.of(RuleViolation.error("F-PWD", field, "directory.password.containsUser"));
    }
    return Optional.empty();
  }
}
