package io.hezuo.directory.domain;

/** The kinds of unit the notice names (申报主体) plus government bodies (recommenders). */
public enum OrganisationType {
  ENTERPRISE,
  UNIVERSITY,
  INSTITUTE,
  MEDICAL,
  GOVERNMENT,
  OTHER
}
