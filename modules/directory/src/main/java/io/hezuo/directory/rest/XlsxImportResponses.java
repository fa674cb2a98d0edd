package io.hezuo.directory.rest;

import io.hezuo.directory.domain.XlsxImport;
import io.hezuo.kernel.rest.ContentDisposition;
import io.hezuo.kernel.rest.Problems;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.function.Supplier;

/** The answers of the module's .xlsx imports over REST: the template, and an upload's outcome. */
final class XlsxImportResponses {

  private XlsxImportResponses() {}

  /** The template as a download called {@code fileName}. */
  static Response template(byte[] content, String fileName) {
    return Response.ok(content, XlsxImport.CONTENT_TYPE)
        .header("Content-Disposition", ContentDisposition.attachment(fileName))
        .build();
  }

  /**
   * 413 with the problem {@code file.tooLarge} when the declared {@code length} is over the limit.
   */
  static Response tooLarge(XlsxImport xlsx, long length) {
    if (length > xlsx.maxBytes()) {
      return Problems.of(
          413,
          "Content too large",
          "The file is larger than the limit / 文件超过大小限制",
          List.of(xlsx.fileProblem("file.tooLarge", xlsx.maxMegabytes())));
    }
    return null;
  }

  /**
   * Runs the import of an uploaded body: 413 with the problem {@code file.tooLarge} when the
   * declared {@code length} is over the limit (the body is not read), else 200 with what {@code
   * importer} returns, 403 when the caller may not import, or 422 with every problem of the file.
   */
  static Response imported(XlsxImport xlsx, long length, Supplier<?> importer) {
    if (length > xlsx.maxBytes()) {
      return Problems.of(
          413,
          "Content too large",
          "The file is larger than the limit / 文件超过大小限制",
          List.of(xlsx.fileProblem("file.tooLarge", xlsx.maxMegabytes())));
    }
    return Response.ok(importer.get()).build();
  }
}
