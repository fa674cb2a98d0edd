package io.hezuo.formalreview.service;

import io.hezuo.kernel.audit.AuditEntry;
import io.hezuo.kernel.audit.AuditLog;
import io.hezuo.kernel.rule.RuleViolation;
import io.hezuo.kernel.rule.RuleViolationException;
import io.hezuo.kernel.security.Caller;
import io.hezuo.kernel.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The library of earlier projects that G3 compares every application of the round with: the officer
 * imports a zip of PDF, DOCX and TXT files; each file's type is detected from its content and its
 * text taken out ({@link LibraryTexts}). The import is all or nothing: a file that cannot be read
 * (or is of another type, or empty) is named in the per-file report and nothing is stored; a file
 * whose text the library holds already is skipped and said so.
 */
@ApplicationScoped
public class Library {

  /** The most files of one import. */
  static final int MAX_FILES = 50_000;

  @PersistenceContext(unitName = "formalreview")
  EntityManager em;

  @Inject Caller caller;
  @Inject AuditLog audit;
  @Inject Clock clock;

  /** One file of an import: IMPORTED, SKIPPED (a duplicate) or REFUSED, with the reason's key. */
  public record FileReport(String file, String outcome, String messageKey) {}

  /** What an import did: whether it stored anything, and each file. */
  public record Report(boolean imported, int stored, int skipped, List<FileReport> files) {}

  /** Imports a zip of documents (officers). */
  @Transactional
  public Report importZip(byte[] zip) {
    caller.require(Role.OFFICER);
    if (zip == null || zip.length == 0) {
      throw new RuleViolationException(
          RuleViolation.error("F-REQ", "file", "formalreview.library.noFile"));
    }
    List<FileReport> files = new ArrayList<>();
    List<Object[]> toStore = new ArrayList<>();
    Set<String> seen = new HashSet<>(existingHashes());
    boolean refused = false;
    int entries = 0;
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      ZipEntry e;
      while ((e = in.getNextEntry()) != null) {
        String name = e.getName();
        String base = name.substring(name.lastIndexOf('/') + 1);
        if (e.isDirectory()
            || base.isEmpty()
            || base.startsWith(".")
            || name.startsWith("__MACOSX")) {
          continue;
        }
        if (++entries > MAX_FILES) {
          throw new RuleViolationException(
              RuleViolation.error("F-LEN", "file", "formalreview.library.tooMany", MAX_FILES));
        }
        byte[] bytes = read(in, LibraryTexts.MAX_BYTES + 1);
        LibraryTexts.Extracted x = LibraryTexts.extract(base, bytes);
        if (x.problem() != null) {
          files.add(new FileReport(name, "REFUSED", x.problem()));
          refused = true;
          continue;
        }
        String hash = RunWork.sha256(x.text());
        if (!seen.add(hash)) {
          files.add(new FileReport(name, "SKIPPED", "formalreview.library.duplicate"));
          continue;
        }
        files.add(new FileReport(name, "IMPORTED", "formalreview.library.imported"));
        toStore.add(new Object[] {title(base), name, hash, x.text()});
      }
    } catch (IOException | IllegalArgumentException ex) {
      throw new RuleViolationException(
          RuleViolation.error("F-FILE", "file", "formalreview.library.notZip"));
    }
    if (entries == 0) {
      throw new RuleViolationException(
          RuleViolation.error("F-FILE", "file", "formalreview.library.noDocuments"));
    }
    int skipped = (int) files.stream().filter(f -> f.outcome().equals("SKIPPED")).count();
    if (refused) {
      return new Report(false, 0, skipped, files);
    }
    String batch = UUID.randomUUID().toString();
    Timestamp now = Timestamp.from(clock.instant());
    for (Object[] d : toStore) {
      em.createNativeQuery(
              "insert into fr_library_document (title, file_name, text_sha256, body, import_batch,"
                  + " imported_by, imported_at) values (?, ?, ?, ?, ?, ?, ?)")
          .setParameter(1, d[0])
          .setParameter(
              2, ((String) d[1]).length() > 300 ? ((String) d[1]).substring(0, 300) : d[1])
          .setParameter(3, d[2])
          .setParameter(4, d[3])
          .setParameter(5, batch)
          .setParameter(6, caller.name())
          .setParameter(7, now)
          .executeUpdate();
    }
    audit.record(
        new AuditEntry(
            caller.name(),
            Role.OFFICER.name(),
            "Library",
            batch,
            "import",
            null,
            toStore.size() + " documents",
            null));
    return new Report(true, toStore.size(), skipped, files);
  }

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

  private static byte[] read(InputStream in, int limit) throws IOException {
    return in.readNBytes(limit);
  }
}
