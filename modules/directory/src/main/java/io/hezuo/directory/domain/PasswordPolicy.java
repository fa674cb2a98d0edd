package io.hezuo.directory.domain;

import com.nulabinc.zxcvbn.Zxcvbn;
import io.hezuo.kernel.rule.RuleViolation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Password rules: the complexity of China's graded protection level 3 (等保三级: at least 8 characters
 * from at least three of the classes lower case, upper case, digits and symbols; at most 128; not
 * containing the user name), and, since {@code Password1} meets all of that, a strength estimate by
 * zxcvbn (Dropbox's estimator, maintained in Java as zxcvbn4j): it knows the most common passwords
 * of published breaches, English words, names, keyboard patterns, dates and l33t substitutions, and
 * the user's own name and user name. A score below {@link #MIN_SCORE} (of 0–4, "safely unguessable"
 * is 3) is refused.
 */
public final class PasswordPolicy {

  public static final int MIN_LENGTH = 8;
  public static final int MAX_LENGTH = 128;
  public static final int MIN_SCORE = 3;

  /** Words of this system that make a password guessable here. */
  private static final List<String> SITE_WORDS =
      List.of("hezuo", "zhejiang", "kejiting", "keji", "hangzhou", "demo", "admin", "password");

  private static final Zxcvbn ZXCVBN = new Zxcvbn();

  private PasswordPolicy() {}

  public static Optional<RuleViolation> check(String password, String username, String field) {
    return check(password, username, null, field);
  }

  /**
   * The first rule the password breaks, if any. {@code name} (the person's name, may be null) and
   * {@code username} count as guessable words.
   */
  public static Optional<RuleViolation> check(
      String password, String username, String name, String field) {
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
    if (score(password, username, name) < MIN_SCORE) {
      return Optional.of(RuleViolation.error("F-PWD", field, "directory.password.weak"));
    }
    return Optional.empty();
  }

  /** zxcvbn's score 0–4 with the user's own words as a dictionary. */
  static int score(String password, String username, String name) {
    List<String> words = new ArrayList<>(SITE_WORDS);
    if (username != null && !username.isBlank()) {
      words.add(username);
    }
    if (name != null && !name.isBlank()) {
      words.add(name);
    }
    return ZXCVBN.measure(password, words).getScore();
  }
}
