package io.hezuo.kernel.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDJavascriptNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionGoTo;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionLaunch;
import org.apache.pdfbox.pdmodel.interactive.action.PDPageAdditionalActions;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageFitDestination;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDTextField;

/** Builds the PDFs (and non-PDFs) the attachment check is tested with. */
final class TestPdfs {

  private TestPdfs() {}

  /** A plain PDF with some text on each page. */
  static byte[] valid(int pages) {
    return build(pages, doc -> {});
  }

  /** A PDF with {@code pages} pages that {@code change} modifies before it is saved. */
  static byte[] build(int pages, Consumer<PDDocument> change) {
    try (PDDocument doc = new PDDocument()) {
      PDType1Font helvetica = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
      for (int i = 1; i <= pages; i++) {
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        try (PDPageContentStream s = new PDPageContentStream(doc, page)) {
          s.beginText();
          s.setFont(helvetica, 12);
          s.newLineAtOffset(72, 700);
          s.showText("Cooperation agreement, page " + i);
          s.endText();
        }
      }
      change.accept(doc);
      return save(doc);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] save(PDDocument doc) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] encrypted(String ownerPassword, String userPassword) {
    return build(
        1,
        doc -> {
          StandardProtectionPolicy policy =
              new StandardProtectionPolicy(ownerPassword, userPassword, new AccessPermission());
          policy.setEncryptionKeyLength(128);
          try {
            doc.protect(policy);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  static byte[] openActionJavaScript() {
    return build(
        1, doc -> doc.getDocumentCatalog().setOpenAction(new PDActionJavaScript("app.alert(1)")));
  }

  static byte[] linkWithJavaScript() {
    return build(
        2,
        doc -> {
          PDAnnotationLink link = new PDAnnotationLink();
          link.setRectangle(new PDRectangle(72, 600, 100, 20));
          link.setAction(new PDActionJavaScript("this.exportDataObject({cName:'x'})"));
          addAnnotation(doc.getPage(1), link);
        });
  }

  static byte[] namesJavaScript() {
    return build(
        1,
        doc -> {
          PDJavascriptNameTreeNode js = new PDJavascriptNameTreeNode();
          js.setNames(Map.of("init", new PDActionJavaScript("app.alert('hi')")));
          PDDocumentNameDictionary names = new PDDocumentNameDictionary(doc.getDocumentCatalog());
          names.setJavascript(js);
          doc.getDocumentCatalog().setNames(names);
        });
  }

  static byte[] pageOpenJavaScript() {
    return build(
        1,
        doc -> {
          PDPageAdditionalActions aa = new PDPageAdditionalActions();
          aa.setO(new PDActionJavaScript("app.alert('open')"));
          doc.getPage(0).setActions(aa);
        });
  }

  /** A harmless GoTo whose /Next is JavaScript. */
  static byte[] goToThenJavaScript() {
    return build(
        1,
        doc -> {
          PDPageFitDestination dest = new PDPageFitDestination();
          dest.setPage(doc.getPage(0));
          PDActionGoTo goTo = new PDActionGoTo();
          goTo.setDestination(dest);
          goTo.setNext(List.of(new PDActionJavaScript("app.alert('next')")));
          doc.getDocumentCatalog().setOpenAction(goTo);
        });
  }

  static byte[] formFieldJavaScript() {
    return build(
        1,
        doc -> {
          PDAcroForm form = new PDAcroForm(doc);
          doc.getDocumentCatalog().setAcroForm(form);
          PDTextField field = new PDTextField(form);
          field.setPartialName("budget");
          PDAnnotationWidget widget = field.getWidgets().get(0);
          widget.setRectangle(new PDRectangle(72, 500, 200, 20));
          // the widget is on no page's /Annots: only the AcroForm field tree reaches it
          form.getFields().add(field);
          // a keystroke action on the field: /AA << /K << /S /JavaScript /JS (...) >> >>
          COSDictionary aa = new COSDictionary();
          aa.setItem(COSName.K, new PDActionJavaScript("AFNumber_Keystroke(2)").getCOSObject());
          field.getCOSObject().setItem(COSName.AA, aa);
        });
  }

  /** JavaScript where no reader looks for it: only the object-graph walk finds it. */
  static byte[] hiddenJavaScript() {
    return build(
        1,
        doc -> {
          COSDictionary hidden = new COSDictionary();
          hidden.setString(COSName.getPDFName("JS"), "app.alert('hidden')");
          COSDictionary outer = new COSDictionary();
          outer.setItem(COSName.getPDFName("Whatever"), hidden);
          doc.getPage(0).getCOSObject().setItem(COSName.getPDFName("PieceInfo"), outer);
        });
  }

  static byte[] launch() {
    return build(
        1,
        doc -> {
          PDActionLaunch launch = new PDActionLaunch();
          PDComplexFileSpecification file = new PDComplexFileSpecification();
          file.setFile("calc.exe");
          launch.setFile(file);
          doc.getDocumentCatalog().setOpenAction(launch);
        });
  }

  static byte[] embeddedFile() {
    return build(
        1,
        doc -> {
          try {
            PDComplexFileSpecification spec = new PDComplexFileSpecification();
            spec.setFile("payload.exe");
            spec.setEmbeddedFile(
                new PDEmbeddedFile(doc, new java.io.ByteArrayInputStream(peExecutable())));
            PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
            tree.setNames(Map.of("payload.exe", spec));
            PDDocumentNameDictionary names = new PDDocumentNameDictionary(doc.getDocumentCatalog());
            names.setEmbeddedFiles(tree);
            doc.getDocumentCatalog().setNames(names);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  /** A page that refers to itself through a custom key: the walk must not loop. */
  static byte[] cyclic() {
    return build(
        1,
        doc -> {
          COSDictionary a = new COSDictionary();
          COSDictionary b = new COSDictionary();
          a.setItem(COSName.getPDFName("Other"), b);
          b.setItem(COSName.getPDFName("Other"), a);
          a.setDirect(false);
          b.setDirect(false);
          doc.getPage(0).getCOSObject().setItem(COSName.getPDFName("Loop"), a);
        });
  }

  private static void addAnnotation(
      PDPage page, org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation annotation) {
    try {
      var annotations = new java.util.ArrayList<>(page.getAnnotations());
      annotations.add(annotation);
      page.setAnnotations(annotations);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---------------------------------------------------------------- not PDFs

  /** "MZ", a DOS stub and the "PE\0\0" signature at 0x80, as a linker writes it. */
  static byte[] peExecutable() {
    byte[] b = new byte[512];
    b[0] = 'M';
    b[1] = 'Z';
    b[0x3c] = (byte) 0x80; // e_lfanew: the PE header's offset
    byte[] stub = "This program cannot be run in DOS mode.".getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(stub, 0, b, 0x4e, stub.length);
    b[0x80] = 'P';
    b[0x81] = 'E';
    b[0x84] = 0x4c; // machine i386
    b[0x85] = 0x01;
    return b;
  }

  /** An ELF header of an x86-64 executable. */
  static byte[] elfExecutable() {
    byte[] b = new byte[256];
    b[0] = 0x7f;
    b[1] = 'E';
    b[2] = 'L';
    b[3] = 'F';
    b[4] = 2; // 64-bit
    b[5] = 1; // little endian
    b[6] = 1; // version
    b[16] = 2; // e_type: executable
    b[18] = 0x3e; // x86-64
    return b;
  }

  static byte[] zip() {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (ZipOutputStream zip = new ZipOutputStream(out)) {
        zip.putNextEntry(new ZipEntry("agreement.pdf"));
        zip.write(valid(1));
        zip.closeEntry();
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A 1×1 PNG. */
  static byte[] png() {
    try {
      var image = new java.awt.image.BufferedImage(1, 1, java.awt.image.BufferedImage.TYPE_INT_RGB);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      javax.imageio.ImageIO.write(image, "png", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] truncated(byte[] pdf) {
    return Arrays.copyOf(pdf, pdf.length / 2);
  }
}
