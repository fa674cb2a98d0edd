package io.hezuo.formalreview.service;

import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;

/**
 * The library import's processor: a file's type detected from its content and its text taken out
 * ({@link LibraryTexts}), or why it cannot be.
 */
@Named("frLibraryProcessor")
@Dependent
public class LibraryImportProcessor implements ItemProcessor {

  @Override
  public Object processItem(Object item) {
    LibraryImportReader.Entry e = (LibraryImportReader.Entry) item;
    String base = e.name().substring(e.name().lastIndexOf('/') + 1);
    LibraryTexts.Extracted x = LibraryTexts.extract(base, e.bytes());
    if (x.problem() != null) {
      return new LibraryImportWork.Document(e.position(), e.name(), null, null, null, x.problem());
    }
    return new LibraryImportWork.Document(
        e.position(), e.name(), Library.title(base), RunWork.sha256(x.text()), x.text(), null);
  }
}
