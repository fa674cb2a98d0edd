package io.hezuo.submission.service;

import io.hezuo.call.api.CallCatalogue;
import io.hezuo.call.api.LineView;
import io.hezuo.directory.api.AccountDirectory;
import io.hezuo.directory.api.AccountView;
import io.hezuo.directory.api.ContactView;
import io.hezuo.submission.api.ApplicationForm;
import io.hezuo.submission.api.ApplicationView;
import io.hezuo.submission.document.ApplicationPdf;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * The application as a PDF (申报书, see {@link ApplicationPdf}), with its acceptance number and
 * content hash: gathers the application, its line, its unit and its PI's details.
 */
@ApplicationScoped
public class ApplicationDocument {

  @Inject Applications applications;
  @Inject CallCatalogue calls;
  @Inject AccountDirectory directory;

  /** The PDF of an application the caller may read (its PI or its unit's admin). */
  public byte[] pdf(long id) {
    return pdf(applications.get(id), java.util.function.UnaryOperator.identity());
  }

  /**
   * The PDF of an application the calling module has already checked the caller may read, every
   * printed text passed through {@code redact} (blind review).
   */
  public byte[] pdf(ApplicationView a, java.util.function.UnaryOperator<String> redact) {
    ApplicationForm f = a.form();
    LineView line = calls.line(a.callId(), a.lineCode()).orElse(null);
    String unit = directory.organisation(a.organisationId()).map(o -> o.name()).orElse("");
    Optional<AccountView> account = directory.account(a.piUsername());
    Optional<ContactView> contact = directory.contact(a.piUsername());
    ApplicationPdf.Pi pi =
        new ApplicationPdf.Pi(
            account.map(AccountView::personName).orElse(a.piName()),
            account.map(AccountView::idType).orElse(null),
            account.map(AccountView::idNumber).orElse(null),
            account.map(AccountView::organisationName).orElse(unit),
            contact.map(ContactView::phone).orElse(null),
            contact.map(ContactView::email).orElse(null));
    String platform = null;
    if (f.basePlatformId() != null) {
      platform =
          applications.platformsOfUnit(a.organisationId()).stream()
              .filter(p -> p.id() == f.basePlatformId())
              .findFirst()
              .map(p -> p.name() + "（领域：" + String.join("、", p.fields()) + "）")
              .orElse(null);
    }
    String discipline =
        calls
            .discipline(f.disciplineCode())
            .map(
                d ->
                    d.code()
                        + " "
                        + d.name().zh()
                        + (d.sectionName() == null ? "" : "（" + d.sectionName().zh() + "）"))
            .orElse(null);
    return io.hezuo.kernel.pdf.PdfRenderer.render(
        ApplicationPdf.document(new ApplicationPdf.Input(a, line, unit, pi, platform, discipline))
            .redacted(redact));
  }
}
