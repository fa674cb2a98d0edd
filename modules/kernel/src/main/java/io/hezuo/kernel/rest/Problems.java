package io.hezuo.kernel.rest;

import io.hezuo.kernel.i18n.Messages;
import io.hezuo.kernel.rule.RuleViolation;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * REST errors as {@code application/problem+json} (RFC 9457) with a {@code violations} list that
 * carries, for each broken rule, its id, severity, field and the message in Chinese and English:
 * the same messages the screens show.
 */
public final class Problems {

  public static final String TYPE = "application/problem+json";

  private Problems() {}

  public static Response of(int status, String title, String detail, List<RuleViolation> vs) {
    JsonArrayBuilder list = Json.createArrayBuilder();
    for (RuleViolation v : vs) {
      JsonObjectBuilder o =
          Json.createObjectBuilder()
              .add("ruleId", v.ruleId())
              .add("severity", v.severity().name())
              .add("message_zh", Messages.describe(Messages.CHINESE, v))
              .add("message_en", Messages.describe(Messages.ENGLISH, v));
      if (v.field() == null) {
        o.addNull("field");
      } else {
        o.add("field", v.field());
      }
      list.add(o);
    }
    String body =
        Json.createObjectBuilder()
            .add("type", "about:blank")
            .add("title", title)
            .add("status", status)
            .add("detail", detail == null ? "" : detail)
            .add("violations", list)
            .build()
            .toString();
    return Response.status(status).type(TYPE).entity(body).build();
  }

  /** 422: the input breaks the listed rules; nothing was saved. */
  public static Response unprocessable(List<RuleViolation> vs) {
    return of(422, "Unprocessable content", "The input breaks one or more rules / 输入不符合规则", vs);
  }

  public static Response forbidden(String detail) {
    return of(403, "Forbidden", detail, List.of());
  }

  /**
   * A problem without rule violations whose detail is a kernel (or module) message key: {@code
   * detail} in English, {@code message_zh} and {@code message_en} for clients that show it.
   */
  public static Response.ResponseBuilder keyed(int status, String title, String messageKey) {
    String body =
        Json.createObjectBuilder()
            .add("type", "about:blank")
            .add("title", title)
            .add("status", status)
            .add("detail", Messages.get(Messages.ENGLISH, messageKey))
            .add("message_zh", Messages.get(Messages.CHINESE, messageKey))
            .add("message_en", Messages.get(Messages.ENGLISH, messageKey))
            .add("violations", Json.createArrayBuilder())
            .build()
            .toString();
    return Response.status(status).type(TYPE).entity(body);
  }
}
