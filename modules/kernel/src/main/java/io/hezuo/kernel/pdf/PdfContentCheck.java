package io.hezuo.kernel.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNull;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDField;
import org.apache.tika.Tika;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypes;

/**
 * Checks an uploaded PDF by its content: it must be a readable, unencrypted PDF without JavaScript,
 * launch actions or embedded files, and not larger than the limit given. Used for the applications'
 * attachments and for every other uploaded PDF (recommendation letters, contracts).
 *
 * <p>Never throws for bad content: every refusal is a {@link Result} with a {@link Problem} and its
 * arguments; the caller turns the problem into its own message key ({@link Problem#suffix()} after
 * the module's prefix, e.g. {@code submission.attachment.encrypted}). The first argument is always
 * the file name as uploaded (or an empty string).
 *
 * <p>The content type is decided from the bytes only (Apache Tika's magic numbers), never from the
 * name: an executable renamed {@code .pdf} is refused, a PDF named {@code .txt} is accepted.
 */
public final class PdfContentCheck {

  /** The content type an accepted file has. */
  public static final String PDF = "application/pdf";

  /**
   * Why a file was refused; {@link #suffix()} ends the caller's message key. The arguments are the
   * file name, then for {@link #TOO_LARGE} the size and the limit in MB ({@link #megabytes}), for
   * the {@code NOT_PDF_*} problems the detected content type.
   */
  public enum Problem {
    EMPTY("empty"),
    TOO_LARGE("tooLarge"),
    NOT_PDF_WINDOWS_EXECUTABLE("notPdf.windowsExecutable"),
    NOT_PDF_EXECUTABLE("notPdf.executable"),
    NOT_PDF_SCRIPT("notPdf.script"),
    NOT_PDF_ARCHIVE("notPdf.archive"),
    NOT_PDF_OFFICE("notPdf.office"),
    NOT_PDF_IMAGE("notPdf.image"),
    NOT_PDF_TEXT("notPdf.text"),
    NOT_PDF("notPdf"),
    BROKEN("broken"),
    ENCRYPTED("encrypted"),
    JAVASCRIPT("javascript"),
    LAUNCH("launch"),
    EMBEDDED_FILE("embeddedFile");

    private final String suffix;

    Problem(String suffix) {
      this.suffix = suffix;
    }

    /** The end of a message key: {@code "notPdf.windowsExecutable"}. */
    public String suffix() {
      return suffix;
    }
  }

  /** How many bytes after the last {@code %%EOF} a complete PDF may have (ISO 32000 readers). */
  private static final int EOF_WINDOW = 1024;

  /** The most bytes of an XFA stream that are read to look for scripts. */
  private static final int XFA_SCAN_LIMIT = 4 * 1024 * 1024;

  private static final Tika TIKA = new Tika();
  private static final MediaTypeRegistry REGISTRY =
      MimeTypes.getDefaultMimeTypes().getMediaTypeRegistry();

  private static final COSName JS = COSName.getPDFName("JS");
  private static final COSName EMBEDDED_FILES = COSName.getPDFName("EmbeddedFiles");
  private static final COSName EMBEDDED_FILE_TYPE = COSName.getPDFName("EmbeddedFile");
  private static final COSName FILE_ATTACHMENT = COSName.getPDFName("FileAttachment");
  private static final COSName LAUNCH_ACTION = COSName.getPDFName("Launch");
  private static final COSName RICH_MEDIA = COSName.getPDFName("RichMedia");

  private PdfContentCheck() {}

  /**
   * The outcome of a check.
   *
   * @param accepted whether the attachment may be stored
   * @param sha256Hex SHA-256 of the exact bytes, lower-case hex (also for refused content; null
   *     only for null content)
   * @param pages the page count of an accepted PDF, otherwise 0
   * @param problem null when accepted, otherwise why the file was refused
   * @param args the message arguments; {@code args.get(0)} is always the file name
   * @param detail a technical English detail for logs and the audit (e.g. "OpenAction JavaScript",
   *     "detected application/x-msdownload"), never shown as the user message
   */
  public record Result(
      boolean accepted,
      String sha256Hex,
      int pages,
      Problem problem,
      List<Object> args,
      String detail) {

    public Result {
      args = args == null ? List.of() : List.copyOf(args);
    }
  }

  /** Checks the content against a size limit in bytes. */
  public static Result check(byte[] content, String fileName, long maxBytes) {
    String name = fileName == null ? "" : fileName;
    if (content == null || content.length == 0) {
      return refuse(
          content == null ? null : sha256Hex(content), Problem.EMPTY, "empty content", name);
    }
    String sha = sha256Hex(content);
    if (content.length > maxBytes) {
      return refuse(
          sha,
          Problem.TOO_LARGE,
          content.length + " bytes > " + maxBytes,
          name,
          megabytes(content.length),
          megabytes(maxBytes));
    }

    MediaType type = detect(content, name);
    if (!PDF.equals(type.getBaseType().toString())) {
      return refuse(sha, notPdfProblem(type), "detected " + type, name, type.toString());
    }

    if (!hasEofMarker(content)) {
      return refuse(sha, Problem.BROKEN, "no %%EOF in the last " + EOF_WINDOW + " bytes", name);
    }
    try (PDDocument doc = Loader.loadPDF(content)) {
      if (doc.isEncrypted()) {
        return refuse(sha, Problem.ENCRYPTED, "encrypted (owner password)", name);
      }
      int pages = doc.getNumberOfPages();
      if (pages < 1) {
        return refuse(sha, Problem.BROKEN, "no pages", name);
      }
      Finding finding = findActiveContent(doc);
      if (finding != null) {
        return refuse(sha, finding.problem(), finding.detail(), name);
      }
      return new Result(true, sha, pages, null, List.of(), "PDF, " + pages + " page(s)");
    } catch (InvalidPasswordException e) {
      return refuse(sha, Problem.ENCRYPTED, "encrypted (user password)", name);
    } catch (IOException | RuntimeException e) {
      return refuse(sha, Problem.BROKEN, "unreadable: " + e, name);
    } catch (StackOverflowError e) {
      return refuse(sha, Problem.BROKEN, "unreadable: nesting too deep", name);
    }
  }

  /** SHA-256 of the bytes, lower-case hex. */
  public static String sha256Hex(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  // ---------------------------------------------------------------- content type

  /**
   * The type from the bytes. The name only refines a type the bytes already gave (a ZIP named .docx
   * is a Word document), it never makes a type by itself.
   */
  static MediaType detect(byte[] content, String name) {
    MediaType byBytes = MediaType.parse(TIKA.detect(content));
    if (byBytes == null) {
      return MediaType.OCTET_STREAM;
    }
    if (!name.isEmpty()) {
      MediaType byBoth = MediaType.parse(TIKA.detect(content, name));
      if (byBoth != null && REGISTRY.isSpecializationOf(byBoth, byBytes)) {
        return byBoth;
      }
    }
    return byBytes;
  }

  private static Problem notPdfProblem(MediaType type) {
    String base = type.getBaseType().toString();
    if (isA(type, "application/x-msdownload")
        || base.equals("application/x-dosexec")
        || base.equals("application/vnd.microsoft.portable-executable")
        || base.equals("application/x-ms-installer")) {
      return Problem.NOT_PDF_WINDOWS_EXECUTABLE;
    }
    if (isA(type, "application/x-elf")
        || base.startsWith("application/x-mach-o")
        || base.equals("application/java-vm")
        || base.equals("application/java-archive")
        || base.equals("application/x-java-jnlp-file")
        || base.equals("application/vnd.android.package-archive")) {
      return Problem.NOT_PDF_EXECUTABLE;
    }
    if (base.equals("application/x-sh")
        || base.equals("application/x-bat")
        || base.equals("application/javascript")
        || base.equals("text/javascript")
        || base.equals("text/x-python")
        || base.equals("application/x-msdos-program")
        || base.equals("application/hta")
        || base.equals("text/x-vbscript")
        || base.equals("text/vbscript")) {
      return Problem.NOT_PDF_SCRIPT;
    }
    if (base.startsWith("application/vnd.openxmlformats")
        || base.startsWith("application/vnd.ms-")
        || base.startsWith("application/vnd.oasis.opendocument")
        || base.startsWith("application/x-tika-")
        || base.equals("application/msword")
        || base.equals("application/rtf")
        || base.equals("application/vnd.wordperfect")
        || base.equals("application/x-hwp")
        || base.equals("application/vnd.wps-office.docx")) {
      return Problem.NOT_PDF_OFFICE;
    }
    if (isA(type, "application/zip")
        || base.equals("application/x-7z-compressed")
        || base.startsWith("application/x-rar")
        || base.equals("application/vnd.rar")
        || base.equals("application/gzip")
        || base.equals("application/x-gzip")
        || base.equals("application/x-bzip2")
        || base.equals("application/x-xz")
        || base.equals("application/x-tar")
        || base.equals("application/zstd")
        || base.equals("application/x-iso9660-image")) {
      return Problem.NOT_PDF_ARCHIVE;
    }
    if (base.startsWith("image/")) {
      return Problem.NOT_PDF_IMAGE;
    }
    if (base.startsWith("text/") || isA(type, "text/plain")) {
      return Problem.NOT_PDF_TEXT;
    }
    return Problem.NOT_PDF;
  }

  private static boolean isA(MediaType type, String ancestor) {
    MediaType a = MediaType.parse(ancestor);
    MediaType base = type.getBaseType();
    return base.equals(a) || REGISTRY.isSpecializationOf(base, a);
  }

  // ---------------------------------------------------------------- structure

  private static boolean hasEofMarker(byte[] content) {
    byte[] eof = "%%EOF".getBytes(StandardCharsets.US_ASCII);
    int from = Math.max(0, content.length - EOF_WINDOW - eof.length);
    outer:
    for (int i = content.length - eof.length; i >= from; i--) {
      for (int j = 0; j < eof.length; j++) {
        if (content[i + j] != eof[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  private record Finding(Problem problem, String detail) {}

  /**
   * Looks for JavaScript, launch actions and embedded files: first where they are documented to be
   * (so the detail says where), then in every object reachable from the trailer.
   */
  private static Finding findActiveContent(PDDocument doc) throws IOException {
    PDDocumentCatalog catalog = doc.getDocumentCatalog();
    COSDictionary cat = catalog.getCOSObject();

    COSDictionary names = dict(cat.getDictionaryObject(COSName.NAMES));
    if (names != null) {
      if (names.containsKey(COSName.JAVA_SCRIPT)) {
        return new Finding(Problem.JAVASCRIPT, "catalog Names/JavaScript");
      }
      if (names.containsKey(EMBEDDED_FILES)) {
        return new Finding(Problem.EMBEDDED_FILE, "catalog Names/EmbeddedFiles");
      }
    }
    Finding f = action(cat.getDictionaryObject(COSName.OPEN_ACTION), "catalog OpenAction");
    if (f == null) {
      f = additionalActions(cat, "catalog AA");
    }
    if (f != null) {
      return f;
    }

    int pageNo = 0;
    for (PDPage page : doc.getPages()) {
      pageNo++;
      f = additionalActions(page.getCOSObject(), "page " + pageNo + " AA");
      if (f != null) {
        return f;
      }
      for (PDAnnotation annotation : page.getAnnotations()) {
        COSDictionary a = annotation.getCOSObject();
        String where = "page " + pageNo + " " + annotation.getSubtype() + " annotation";
        if (FILE_ATTACHMENT.equals(a.getCOSName(COSName.SUBTYPE))) {
          return new Finding(Problem.EMBEDDED_FILE, where);
        }
        if (RICH_MEDIA.equals(a.getCOSName(COSName.SUBTYPE))) {
          return new Finding(Problem.JAVASCRIPT, where + " (RichMedia)");
        }
        f = action(a.getDictionaryObject(COSName.A), where + " action");
        if (f == null) {
          f = additionalActions(a, where + " AA");
        }
        if (f != null) {
          return f;
        }
      }
    }

    PDAcroForm form = catalog.getAcroForm(null);
    if (form != null) {
      for (PDField field : form.getFieldTree()) {
        COSDictionary fd = field.getCOSObject();
        String where = "form field " + field.getFullyQualifiedName();
        f = action(fd.getDictionaryObject(COSName.A), where + " action");
        if (f == null) {
          f = additionalActions(fd, where + " AA");
        }
        if (f != null) {
          return f;
        }
      }
      if (xfaHasScript(form.getCOSObject().getDictionaryObject(COSName.XFA))) {
        return new Finding(Problem.JAVASCRIPT, "AcroForm XFA script");
      }
    }

    return walk(doc);
  }

  private static Finding additionalActions(COSDictionary owner, String where) {
    COSDictionary aa = dict(owner.getDictionaryObject(COSName.AA));
    if (aa == null) {
      return null;
    }
    for (Map.Entry<COSName, COSBase> e : aa.entrySet()) {
      Finding f = action(e.getValue(), where + " /" + e.getKey().getName());
      if (f != null) {
        return f;
      }
    }
    return null;
  }

  /** An action and its /Next chain (a dictionary or an array), guarded against cycles. */
  private static Finding action(COSBase base, String where) {
    Deque<COSBase> todo = new ArrayDeque<>();
    Set<COSBase> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    todo.push(base == null ? COSNull.NULL : base);
    while (!todo.isEmpty()) {
      COSBase b = deref(todo.pop());
      if (b == null || !seen.add(b)) {
        continue;
      }
      if (b instanceof COSArray array) {
        for (COSBase item : array) {
          todo.push(item == null ? COSNull.NULL : item);
        }
        continue;
      }
      if (b instanceof COSDictionary d) {
        COSName s = d.getCOSName(COSName.S);
        if (COSName.JAVA_SCRIPT.equals(s) || d.containsKey(JS)) {
          return new Finding(Problem.JAVASCRIPT, where + " JavaScript");
        }
        if (LAUNCH_ACTION.equals(s)) {
          return new Finding(Problem.LAUNCH, where + " Launch");
        }
        COSBase next = d.getItem(COSName.NEXT);
        if (next != null) {
          todo.push(next);
        }
      }
    }
    return null;
  }

  /**
   * The safety net: every object reachable from the trailer, iteratively (no recursion, so no stack
   * overflow on deep nesting) and once each (so no loop on cycles).
   */
  private static Finding walk(PDDocument doc) throws IOException {
    Deque<COSBase> todo = new ArrayDeque<>();
    Set<COSBase> seenDirect = Collections.newSetFromMap(new IdentityHashMap<>());
    Set<COSObjectKey> seenIndirect = new HashSet<>();
    todo.push(doc.getDocument().getTrailer());
    while (!todo.isEmpty()) {
      COSBase b = todo.pop();
      if (b instanceof COSObject ref) {
        COSObjectKey key = ref.getKey();
        if (key != null && !seenIndirect.add(key)) {
          continue;
        }
        b = ref.getObject();
        if (b == null) {
          continue;
        }
      }
      if (!seenDirect.add(b)) {
        continue;
      }
      if (b instanceof COSArray array) {
        for (int i = 0; i < array.size(); i++) {
          COSBase item = array.get(i);
          if (item != null) {
            todo.push(item);
          }
        }
      } else if (b instanceof COSDictionary d) {
        Finding f = inspect(d);
        if (f != null) {
          return f;
        }
        for (COSBase value : d.getValues()) {
          if (value != null) {
            todo.push(value);
          }
        }
      }
    }
    return null;
  }

  private static Finding inspect(COSDictionary d) throws IOException {
    if (d.containsKey(JS)) {
      return new Finding(Problem.JAVASCRIPT, "/JS key in object graph");
    }
    if (d.containsKey(COSName.JAVA_SCRIPT)) {
      return new Finding(Problem.JAVASCRIPT, "/JavaScript key in object graph");
    }
    COSName s = d.getCOSName(COSName.S);
    if (COSName.JAVA_SCRIPT.equals(s)) {
      return new Finding(Problem.JAVASCRIPT, "JavaScript action in object graph");
    }
    if (LAUNCH_ACTION.equals(s)) {
      return new Finding(Problem.LAUNCH, "Launch action in object graph");
    }
    if (d.containsKey(EMBEDDED_FILES)
        || d.containsKey(COSName.EF)
        || EMBEDDED_FILE_TYPE.equals(d.getCOSName(COSName.TYPE))
        || FILE_ATTACHMENT.equals(d.getCOSName(COSName.SUBTYPE))) {
      return new Finding(Problem.EMBEDDED_FILE, "embedded file in object graph");
    }
    if (RICH_MEDIA.equals(d.getCOSName(COSName.SUBTYPE))) {
      return new Finding(Problem.JAVASCRIPT, "RichMedia in object graph");
    }
    if (d.containsKey(COSName.XFA) && xfaHasScript(d.getDictionaryObject(COSName.XFA))) {
      return new Finding(Problem.JAVASCRIPT, "XFA script in object graph");
    }
    return null;
  }

  /** Whether an XFA form (one stream, or an array of name/stream pairs) has a script element. */
  private static boolean xfaHasScript(COSBase xfa) throws IOException {
    xfa = deref(xfa);
    if (xfa instanceof COSStream stream) {
      return streamHasScript(stream);
    }
    if (xfa instanceof COSArray array) {
      for (int i = 0; i < array.size(); i++) {
        if (deref(array.get(i)) instanceof COSStream stream && streamHasScript(stream)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean streamHasScript(COSStream stream) throws IOException {
    try (InputStream in = stream.createInputStream()) {
      String xml =
          new String(in.readNBytes(XFA_SCAN_LIMIT), StandardCharsets.UTF_8)
              .toLowerCase(Locale.ROOT);
      return xml.contains("<script") || xml.contains(":script");
    }
  }

  private static COSBase deref(COSBase b) {
    return b instanceof COSObject o ? o.getObject() : b;
  }

  private static COSDictionary dict(COSBase b) {
    return deref(b) instanceof COSDictionary d ? d : null;
  }

  // ---------------------------------------------------------------- results

  private static Result refuse(String sha, Problem problem, String detail, Object... args) {
    return new Result(false, sha, 0, problem, List.of(args), detail);
  }

  /** Bytes as MB (MiB), one decimal, dot separator, no ".0" on whole numbers: "20", "23.4". */
  public static String megabytes(long bytes) {
    String s = String.format(Locale.ROOT, "%.1f", bytes / (1024.0 * 1024.0));
    return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
  }
}
