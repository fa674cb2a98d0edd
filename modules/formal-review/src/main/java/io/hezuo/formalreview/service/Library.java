package io.hezuo.formalreview.service;

import io.hezuo.kernel.security.Caller;
import io.hezuo.kernel.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The library of earlier projects that G3 compares every application of the round with: its
 * documents' titles and texts. The officer fills it by imports ({@link LibraryImports}, a batch job
 * per zip: all or nothing, with a per-file report).
 */
@ApplicationScoped
public class Library {

  @PersistenceContext(unitName = "formalreview")
  EntityManager em;

  @Inject Caller caller;

  /** How many documents the library holds. */
  public long count() {
    caller.require(Role.OFFICER, Role.FORMAL_REVIEWER);
    return ((Number)
            em.createNativeQuery("select count(*) from fr_library_document").getSingleResult())
        .longValue();
  }

  /** What identifies the library's content (its size and last document), for the round's index. */
  String stamp() {
    Object[] r =
        (Object[])
            em.createNativeQuery("select count(*), coalesce(max(id), 0) from fr_library_document")
                .getSingleResult();
    return r[0] + "/" + r[1];
  }

  /** A library document's id, title and the SHA-256 of its text. */
  record Title(long id, String title, String sha256) {

    /** Its key in the index: the id and the text's hash (another text is another document). */
    String key() {
      return "lib:" + id + ":" + sha256.substring(0, 16);
    }
  }

  /** Every document's id and title, in the order of their ids. */
  List<Title> titles() {
    List<Title> out = new ArrayList<>();
    for (Object o :
        em.createNativeQuery("select id, title, text_sha256 from fr_library_document order by id")
            .getResultList()) {
      Object[] r = (Object[]) o;
      out.add(new Title(((Number) r[0]).longValue(), (String) r[1], (String) r[2]));
    }
    return out;
  }

  /** A document's text (when a check verifies it as a candidate). */
  String text(long id) throws IOException {
    List<?> r =
        em.createNativeQuery("select body from fr_library_document where id = ?")
            .setParameter(1, id)
            .getResultList();
    if (r.isEmpty()) {
      throw new IOException("library document " + id + " is gone");
    }
    return (String) r.get(0);
  }

  /**
   * The texts of some documents in one query, by id (the index reads the library a page at a time,
   * not one query per document); ids that are gone are left out.
   */
  java.util.Map<Long, String> texts(java.util.Collection<Long> ids) {
    java.util.Map<Long, String> out = new java.util.HashMap<>();
    if (ids.isEmpty()) {
      return out;
    }
    StringBuilder in = new StringBuilder();
    for (Long id : ids) {
      in.append(in.length() == 0 ? "" : ",").append(id.longValue());
    }
    for (Object o :
        em.createNativeQuery("select id, body from fr_library_document where id in (" + in + ")")
            .getResultList()) {
      Object[] r = (Object[]) o;
      out.put(((Number) r[0]).longValue(), (String) r[1]);
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private List<String> existingHashes() {
    return em.createNativeQuery("select text_sha256 from fr_library_document").getResultList();
  }

  /** A document's title: its file name without the extension. */
  static String title(String base) {
    int dot = base.lastIndexOf('.');
    String t = dot > 0 ? base.substring(0, dot) : base;
    return t.length() > 300 ? t.substring(0, 300) : t;
  }
}
