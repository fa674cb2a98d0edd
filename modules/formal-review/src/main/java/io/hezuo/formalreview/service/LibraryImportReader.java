package io.hezuo.formalreview.service;

import io.hezuo.kernel.job.ImportJobView;
import io.hezuo.kernel.job.ImportJobs;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The library import's reader: the files of the stored zip in order (directories, hidden files and
 * {@code __MACOSX} left out), each with its position; its checkpoint is the position read last, so
 * a restarted execution goes on after the last committed chunk. Before the first file it counts
 * them (the progress bar's total); a zip that cannot be read, holds no documents or too many is
 * refused as a whole and nothing is read.
 */
@Named("frLibraryReader")
@Dependent
public class LibraryImportReader extends AbstractItemReader {

  /** The most files of one import. */
  static final int MAX_FILES = 50_000;

  @Inject JobContext job;
  @Inject ImportJobs jobs;
  @Inject LibraryImportWork work;

  /** A file of the zip as read. */
  record Entry(int position, String name, byte[] bytes) {}

  private long jobId;
  private int last;
  private int seen;
  private ZipInputStream zip;

  @Override
  public void open(Serializable checkpoint) throws IOException {
    jobId = ImportJobs.jobId(job);
    last = checkpoint == null ? 0 : (Integer) checkpoint;
    ImportJobView view = jobs.view(jobId);
    if (!view.running()) {
      return;
    }
    if (view.total() == null) {
      int total;
      try {
        total = count();
      } catch (IOException | IllegalArgumentException e) {
        work.refuseWhole(jobId, view.fileName(), "formalreview.library.notZip");
        jobs.counted(jobId, 0);
        return;
      }
      if (total == 0) {
        work.refuseWhole(jobId, view.fileName(), "formalreview.library.noDocuments");
        jobs.counted(jobId, 0);
        return;
      }
      if (total > MAX_FILES) {
        work.refuseWhole(jobId, view.fileName(), "formalreview.library.tooMany", MAX_FILES);
        jobs.counted(jobId, 0);
        return;
      }
      jobs.counted(jobId, total);
    } else if (view.total() == 0) {
      return;
    }
    zip = new ZipInputStream(jobs.upload(jobId));
  }

  private int count() throws IOException {
    int n = 0;
    try (ZipInputStream in = new ZipInputStream(jobs.upload(jobId))) {
      ZipEntry e;
      while ((e = in.getNextEntry()) != null) {
        if (document(e) != null) {
          n++;
        }
      }
    }
    return n;
  }

  /** The entry's base name, or null for what is not a document. */
  private static String document(ZipEntry e) {
    String name = e.getName();
    String base = name.substring(name.lastIndexOf('/') + 1);
    if (e.isDirectory() || base.isEmpty() || base.startsWith(".") || name.startsWith("__MACOSX")) {
      return null;
    }
    return base;
  }

  @Override
  public Object readItem() throws IOException {
    if (zip == null) {
      return null;
    }
    ZipEntry e;
    try {
      while ((e = zip.getNextEntry()) != null) {
        if (document(e) == null) {
          continue;
        }
        if (++seen <= last) {
          continue; // read before the checkpoint
        }
        byte[] bytes = zip.readNBytes(LibraryTexts.MAX_BYTES + 1);
        last = seen;
        return new Entry(seen, e.getName(), bytes);
      }
    } catch (IllegalArgumentException ex) {
      throw new IOException(ex);
    }
    return null;
  }

  @Override
  public Serializable checkpointInfo() {
    return last;
  }

  @Override
  public void close() throws IOException {
    if (zip != null) {
      zip.close();
    }
  }
}
