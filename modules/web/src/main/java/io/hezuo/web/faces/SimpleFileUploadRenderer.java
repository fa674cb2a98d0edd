package io.hezuo.web.faces;

import jakarta.faces.context.FacesContext;
import jakarta.faces.context.ResponseWriter;
import jakarta.faces.context.ResponseWriterWrapper;
import java.io.IOException;
import org.primefaces.component.fileupload.FileUpload;
import org.primefaces.component.fileupload.FileUploadRenderer;

/**
 * PrimeFaces' file upload, except that the plain {@code mode="simple"} input is not hidden from
 * assistive technology. PrimeFaces 15 renders that input (the visible, focusable control itself,
 * named by its {@code p:outputLabel}) with {@code aria-hidden="true"}, so a screen reader user tabs
 * onto a control that does not exist for them (axe's aria-hidden-focus, WCAG 4.1.2). Registered for
 * PrimeFaces' renderer type in {@code WEB-INF/faces-config.xml}.
 */
public class SimpleFileUploadRenderer extends FileUploadRenderer {

  @Override
  protected void encodeSimpleInputField(
      FacesContext context, FileUpload fileUpload, String clientId, String style, String styleClass)
      throws IOException {
    ResponseWriter original = context.getResponseWriter();
    context.setResponseWriter(withoutAriaHidden(original));
    try {
      super.encodeSimpleInputField(context, fileUpload, clientId, style, styleClass);
    } finally {
      context.setResponseWriter(original);
    }
  }

  /** The writer, writing every attribute but {@code aria-hidden}. */
  static ResponseWriter withoutAriaHidden(ResponseWriter writer) {
    return new ResponseWriterWrapper(writer) {
      @Override
      public void writeAttribute(String name, Object value, String property) throws IOException {
        if (!"aria-hidden".equals(name)) {
          super.writeAttribute(name, value, property);
        }
      }
    };
  }
}
