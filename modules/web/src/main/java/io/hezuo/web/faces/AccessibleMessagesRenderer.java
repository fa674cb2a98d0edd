package io.hezuo.web.faces;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ResponseWriter;
import java.io.IOException;
import java.util.Objects;
import org.primefaces.component.messages.Messages;
import org.primefaces.component.messages.MessagesRenderer;

/**
 * {@code p:messages} as PrimeFaces renders it, but with its list items left list items: PrimeFaces
 * puts {@code role="alert"} on each {@code <li>}, so the list holds no list items (axe's {@code
 * list} and {@code listitem} rules, serious, on every page after an action). Here an error's text
 * is an alert inside its item, and the messages' container stays PrimeFaces' polite live region for
 * the rest.
 */
public class AccessibleMessagesRenderer extends MessagesRenderer {

  @Override
  protected void encodeMessage(
      ResponseWriter writer,
      Messages uiMessages,
      FacesMessage msg,
      String styleClassPrefix,
      boolean escape)
      throws IOException {
    writer.startElement("li", null);
    boolean alert =
        msg.getSeverity() != null
            && msg.getSeverity().getOrdinal() >= FacesMessage.SEVERITY_ERROR.getOrdinal();
    writer.startElement("span", null);
    if (alert) {
      writer.writeAttribute("role", "alert", null);
    }
    writer.writeAttribute("aria-atomic", "true", null);
    String summary = msg.getSummary() != null ? msg.getSummary() : "";
    String detail = msg.getDetail() != null ? msg.getDetail() : summary;
    if (uiMessages.isSkipDetailIfEqualsSummary() && Objects.equals(summary, detail)) {
      detail = "";
    }
    if (uiMessages.isShowSummary()) {
      text(writer, styleClassPrefix + "-summary", summary, escape);
    }
    if (uiMessages.isShowDetail()) {
      text(writer, styleClassPrefix + "-detail", detail, escape);
    }
    writer.endElement("span");
    writer.endElement("li");
  }

  private static void text(ResponseWriter writer, String styleClass, String text, boolean escape)
      throws IOException {
    writer.startElement("span", null);
    writer.writeAttribute("class", styleClass, null);
    if (escape) {
      writer.writeText(text, null);
    } else {
      writer.write(text);
    }
    writer.endElement("span");
  }
}
