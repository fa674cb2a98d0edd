package io.hezuo.kernel.security;

import java.util.EnumSet;
import java.util.Set;

/**
 * The roles of ARCHITECTURE.md, the one published list: {@link Allow} on REST methods, {@link
 * Caller}'s checks, the directory's accounts and the audit use these constants, never string
 * literals. The database and the audit store the {@link #name()}; screens show the label {@code
 * kernel.role.<NAME>}.
 */
public enum Role {
  APPLICANT,
  UNIT_ADMIN,
  RECOMMENDER,
  FORMAL_REVIEWER,
  EXPERT,
  OFFICER,
  FINANCE,
  ADMIN;

  /** The roles named, unknown names left out (an account row from an older release). */
  public static Set<Role> of(Iterable<String> names) {
    Set<Role> out = EnumSet.noneOf(Role.class);
    for (String n : names) {
      for (Role r : values()) {
        if (r.name().equals(n)) {
          out.add(r);
        }
      }
    }
    return out;
  }
}
