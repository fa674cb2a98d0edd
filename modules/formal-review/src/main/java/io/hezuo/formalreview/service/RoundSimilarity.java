package io.hezuo.formalreview.service;

import io.hezuo.call.api.CallCatalogue;
import io.hezuo.call.api.CallView;
import io.hezuo.formalreview.domain.RuleCheck;
import io.hezuo.formalreview.domain.SideBySide;
import io.hezuo.formalreview.domain.SimilarityCheck;
import io.hezuo.formalreview.similarity.DocumentSimilarity;
import io.hezuo.formalreview.similarity.SimilarityIndex;
import io.hezuo.formalreview.similarity.SourceSimilarity;
import io.hezuo.kernel.error.NotFoundException;
import io.hezuo.kernel.security.Caller;
import io.hezuo.kernel.security.Role;
import io.hezuo.submission.api.ApplicationForm;
import io.hezuo.submission.api.ApplicationLifecycle;
import io.hezuo.submission.api.ApplicationTexts;
import io.hezuo.submission.api.ContentStamp;
import io.hezuo.submission.api.PiDocument;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Rule G3 over the current call's round: every application's six text sections against every other
 * application of the round, with the top sources and, for a reviewer, one source side by side. The
 * index is kept in memory and rebuilt when the round's membership or an application's content
 * changes (its content hash). For formal reviewers and officers only. (The library of earlier
 * projects, the official form's template and the batch run with stored results come next.)
 */
@ApplicationScoped
public class RoundSimilarity {

  @Inject Caller caller;
  @Inject CallCatalogue calls;
  @Inject ApplicationLifecycle applications;
  @Inject CorpusIndex corpus;

  /** The container's threads the batch run's G3 checks of a chunk share. */
  @Resource ManagedExecutorService executor;

  private static final int THREADS = Runtime.getRuntime().availableProcessors();

  private Snapshot snapshot;

  /** The content hash of each application of the round in the index, by id. */
  private final Map<Long, String> inIndex = new HashMap<>();

  /**
   * The round's index (with the library of earlier projects), the round's texts and what names each
   * document: an application by its acceptance number and title, a library document by its title.
   */
  record Snapshot(
      String key,
      SimilarityIndex index,
      Map<Long, String> texts,
      Map<Long, String> titles,
      java.util.function.Function<String, String> libraryTitle) {

    /** What names a source of the index. */
    String title(String sourceKey) {
      if (sourceKey.startsWith("app:")) {
        return titles.getOrDefault(id(sourceKey), sourceKey);
      }
      String t = libraryTitle.apply(sourceKey);
      return t == null ? sourceKey : t;
    }
  }

  /** One application's G3 result with what identifies it. */
  public record Row(long applicationId, String acceptanceNo, RuleCheck check)
      implements Serializable {}

  /** An application and one of its sources side by side, with the share copied from it. */
  public record Pair(
      long applicationId,
      String title,
      long sourceId,
      String sourceTitle,
      BigDecimal percent,
      SideBySide view)
      implements Serializable {}

  /**
   * One of an application's top sources, to open side by side: an application of the round ({@code
   * sourceId}) or a document of the library ({@code libraryId}; sourceId null).
   */
  public record Source(Long sourceId, Long libraryId, String title, BigDecimal percent)
      implements Serializable {

    /** Whether the source is a document of the library of earlier projects. */
    public boolean library() {
      return libraryId != null;
    }
  }

  /** An application's top sources in the round (at most {@link SimilarityCheck#TOP}). */
  public List<Source> sources(long applicationId) {
    caller.require(Role.FORMAL_REVIEWER, Role.OFFICER);
    Snapshot s = snapshot();
    if (!s.texts().containsKey(applicationId)) {
      return List.of();
    }
    return s.index().check(key(applicationId)).sources().stream()
        .limit(SimilarityCheck.TOP)
        .map(
            x ->
                new Source(
                    x.sourceId().startsWith("app:") ? id(x.sourceId()) : null,
                    CorpusIndex.libraryId(x.sourceId()),
                    s.title(x.sourceId()),
                    x.percent()))
        .toList();
  }

  /** G3 for every application of the round, in the order of their ids. */
  public List<Row> current() {
    caller.require(Role.FORMAL_REVIEWER, Role.OFFICER);
    Snapshot s = snapshot();
    List<Row> out = new ArrayList<>();
    for (Long id : s.texts().keySet().stream().sorted().toList()) {
      DocumentSimilarity r = s.index().check(key(id));
      out.add(
          new Row(
              id, s.titles().get(id).split(" ", 2)[0], SimilarityCheck.of(r, src -> s.title(src))));
    }
    return out;
  }

  /**
   * G3 for one application of the round, whose members ({@code roundIds}) the caller has read once
   * for the whole checklist. An application not in the round is not found.
   */
  public RuleCheck of(CallView call, List<Long> roundIds, long applicationId) {
    caller.require(Role.FORMAL_REVIEWER, Role.OFFICER);
    Snapshot s = snapshot(call, roundIds);
    if (!s.texts().containsKey(applicationId)) {
      throw new NotFoundException("not in the round: " + applicationId);
    }
    return SimilarityCheck.of(s.index().check(key(applicationId)), src -> s.title(src));
  }

  /**
   * An application of the round and one of its sources side by side (the source's text: formal
   * reviewers and officers only, never an applicant).
   */
  public Pair sideBySide(long applicationId, long sourceId) {
    caller.require(Role.FORMAL_REVIEWER, Role.OFFICER);
    Snapshot s = snapshot();
    if (!s.texts().containsKey(applicationId) || !s.texts().containsKey(sourceId)) {
      throw new NotFoundException("not in the round: " + applicationId + ", " + sourceId);
    }
    SourceSimilarity src =
        s.index().check(key(applicationId)).sources().stream()
            .filter(x -> x.sourceId().equals(key(sourceId)))
            .findFirst()
            .orElse(null);
    return new Pair(
        applicationId,
        s.titles().get(applicationId),
        sourceId,
        s.titles().get(sourceId),
        src == null ? BigDecimal.ZERO.setScale(2) : src.percent(),
        SideBySide.of(
            s.texts().get(applicationId),
            s.texts().get(sourceId),
            src == null ? List.of() : src.passages()));
  }

  /**
   * An application of the round beside a document of the library of earlier projects that it copies
   * from (formal reviewers and officers only). A document that is not among the application's
   * sources is shown with 0 % and nothing marked.
   */
  public Pair sideBySideLibrary(long applicationId, long libraryId) {
    caller.require(Role.FORMAL_REVIEWER, Role.OFFICER);
    Snapshot s = snapshot();
    String text = corpus.libraryTextOrNull(libraryId);
    if (!s.texts().containsKey(applicationId) || text == null) {
      throw new NotFoundException(
          "not in the round or the library: " + applicationId + ", " + libraryId);
    }
    SourceSimilarity src =
        s.index().check(key(applicationId)).sources().stream()
            .filter(x -> Long.valueOf(libraryId).equals(CorpusIndex.libraryId(x.sourceId())))
            .findFirst()
            .orElse(null);
    return new Pair(
        applicationId,
        s.titles().get(applicationId),
        libraryId,
        corpus.libraryTitleOf(libraryId),
        src == null ? BigDecimal.ZERO.setScale(2) : src.percent(),
        SideBySide.of(
            s.texts().get(applicationId), text, src == null ? List.of() : src.passages()));
  }

  /**
   * G3 of some applications of a call's round (the batch run: no signed-in caller), over the round
   * ({@code roundIds}) as the caller read it once for its chunk, each with the signature of its
   * result (total copied units and each source's copied units) that tells a re-run whether it
   * changed; an application not in the round is left out.
   */
  Map<Long, Judged> judge(CallView call, List<Long> roundIds, Collection<Long> applicationIds) {
    Snapshot s = snapshot(call, roundIds);
    List<Long> ids = applicationIds.stream().filter(s.texts()::containsKey).toList();
    // the checks of a chunk on every core: a part each on the container's managed threads (the
    // library's texts are read from the database there), one on this thread; a part no managed
    // thread has taken when this one is done runs here too
    int parts = executor == null ? 1 : Math.min(ids.size(), THREADS);
    List<Future<Map<Long, Judged>>> others = new ArrayList<>();
    List<List<Long>> slices = new ArrayList<>();
    for (int k = 0; k < parts; k++) {
      slices.add(ids.subList(k * ids.size() / parts, (k + 1) * ids.size() / parts));
    }
    for (int k = 1; k < parts; k++) {
      List<Long> slice = slices.get(k);
      others.add(executor.submit(() -> judged(s, slice)));
    }
    Map<Long, Judged> out = new HashMap<>(parts == 0 ? Map.of() : judged(s, slices.get(0)));
    for (int k = 0; k < others.size(); k++) {
      Future<Map<Long, Judged>> f = others.get(k);
      if (f.cancel(false)) {
        out.putAll(judged(s, slices.get(k + 1)));
        continue;
      }
      try {
        out.putAll(f.get());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      } catch (ExecutionException e) {
        throw e.getCause() instanceof RuntimeException r
            ? r
            : new IllegalStateException(e.getCause());
      }
    }
    return out;
  }

  private static Map<Long, Judged> judged(Snapshot s, List<Long> ids) {
    Map<Long, Judged> out = new HashMap<>();
    for (long id : ids) {
      out.put(id, judged(s, id));
    }
    return out;
  }

  private static Judged judged(Snapshot s, long applicationId) {
    DocumentSimilarity r = s.index().check(key(applicationId));
    String signature =
        r.copiedUnits()
            + "/"
            + r.documentUnits()
            + ":"
            + r.sources().stream()
                .map(x -> x.sourceId() + "=" + x.copiedUnits())
                .sorted()
                .collect(Collectors.joining(","));
    return new Judged(SimilarityCheck.of(r, src -> s.title(src)), signature);
  }

  /** G3's result for one application and the signature of what it found. */
  record Judged(RuleCheck check, String signature) {}

  private Snapshot snapshot() {
    CallView call = calls.current().orElseThrow(() -> new NotFoundException("no published call"));
    return snapshot(
        call,
        applications.piDocuments(call.id(), RoundG2.ROUND).stream()
            .map(PiDocument::applicationId)
            .toList());
  }

  /**
   * The round in the server's index (with the library): an application new to the round or whose
   * content changed is added again, one that left is removed; the texts and titles of the round.
   */
  private synchronized Snapshot snapshot(CallView call, List<Long> ids) {
    SimilarityIndex index = corpus.index();
    Map<Long, ContentStamp> stamps = applications.stamps(ids);
    String key =
        call.id()
            + ":"
            + ids.stream()
                .map(
                    id -> id + "=" + (stamps.get(id) == null ? "" : stamps.get(id).contentSha256()))
                .collect(Collectors.joining(","));
    if (snapshot != null && snapshot.key().equals(key) && snapshot.index() == index) {
      return snapshot;
    }
    Map<Long, String> texts = snapshot == null ? new HashMap<>() : new HashMap<>(snapshot.texts());
    Map<Long, String> titles =
        snapshot == null ? new HashMap<>() : new HashMap<>(snapshot.titles());
    java.util.Set<Long> members = new java.util.HashSet<>(ids);
    for (Long gone : List.copyOf(inIndex.keySet())) {
      if (!members.contains(gone)) {
        index.remove(key(gone));
        inIndex.remove(gone);
        texts.remove(gone);
        titles.remove(gone);
      }
    }
    // added all at once (fingerprinted on every core, the index's postings merged once)
    // the texts of the new and changed ones read at once (not each application in full)
    List<SimilarityIndex.Document> add = new ArrayList<>();
    Map<Long, String> shas = new HashMap<>();
    List<Long> toRead = new ArrayList<>();
    for (Long id : ids) {
      String sha = stamps.get(id) == null ? "" : stamps.get(id).contentSha256();
      if (sha.equals(inIndex.get(id)) && texts.containsKey(id)) {
        if (!index.contains(key(id))) {
          // the same text, in an index opened again (the library's snapshot was merged)
          add.add(SimilarityIndex.Document.of(key(id), texts.get(id)));
        }
        continue;
      }
      toRead.add(id);
      shas.put(id, sha);
    }
    if (!toRead.isEmpty()) {
      corpus.preparation().start(Preparation.ROUND, toRead.size());
    }
    Map<Long, ApplicationTexts> read = applications.texts(toRead);
    for (Long id : toRead) {
      ApplicationTexts v = read.get(id);
      if (v == null) {
        throw new NotFoundException("no application " + id);
      }
      String text = text(v);
      texts.put(id, text);
      titles.put(id, v.acceptanceNo() + " " + Objects.toString(v.titleZh(), ""));
      add.add(SimilarityIndex.Document.of(key(id), text));
    }
    if (!add.isEmpty()) {
      List<SimilarityIndex.Failure> failures =
          index.addAll(
              add,
              Runtime.getRuntime().availableProcessors(),
              (done, total) -> corpus.preparation().advance(done));
      if (!failures.isEmpty()) {
        throw new IllegalArgumentException(failures.get(0).id() + ": " + failures.get(0).reason());
      }
      inIndex.putAll(shas);
    }
    corpus.preparation().end();
    snapshot = new Snapshot(key, index, texts, titles, corpus::libraryTitle);
    return snapshot;
  }

  /**
   * The six text sections, one after another, as G3 compares them (as {@link
   * #text(ApplicationForm)}).
   */
  static String text(ApplicationTexts t) {
    return Stream.of(
            t.textBasis(),
            t.textContent(),
            t.textRoute(),
            t.textCooperation(),
            t.textOutcomes(),
            t.textIndicators())
        .filter(Objects::nonNull)
        .collect(Collectors.joining("\n\n"));
  }

  /** The six text sections, one after another, as G3 compares them. */
  static String text(ApplicationForm f) {
    return Stream.of(
            f.textBasis(),
            f.textContent(),
            f.textRoute(),
            f.textCooperation(),
            f.textOutcomes(),
            f.textIndicators())
        .filter(Objects::nonNull)
        .collect(Collectors.joining("\n\n"));
  }

  private static String key(long id) {
    return "app:" + id;
  }

  private static long id(String key) {
    return Long.parseLong(key.substring("app:".length()));
  }
}
