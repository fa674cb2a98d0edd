package io.hezuo.directory.api;

import java.util.List;

/**
 * The white list (白名单) of S&amp;T innovation platform bases (national, ministerial, provincial or
 * department level), their host units, fields and members: what rule G1 checks.
 */
public interface WhiteList {

  /** Platforms on the white list hosted by the organisation. */
  List<PlatformView> platformsOfUnit(long organisationId);

  /** Whether the person, by ID document (type and number), is a member of the platform. */
  boolean isMember(long platformId, String idType, String idNumber);

  /** Platforms whose name, host unit or fields contain the query (all when blank), paged. */
  List<PlatformView> search(String query, int first, int max);

  long count(String query);
}
