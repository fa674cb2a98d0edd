package io.hezuo.call.web;

import io.hezuo.call.api.CallView;
import io.hezuo.call.api.Category;
import io.hezuo.call.api.FieldView;
import io.hezuo.call.api.LineView;
import io.hezuo.call.api.PartnerView;
import io.hezuo.call.api.TargetView;
import io.hezuo.call.api.Text;
import io.hezuo.call.api.Window;
import io.hezuo.call.service.CatalogueSnapshot;
import io.hezuo.call.service.CatalogueSnapshots;
import io.hezuo.kernel.i18n.Messages;
import io.hezuo.kernel.money.Money;
import io.hezuo.kernel.time.Zones;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The public catalogue ({@code /call/catalogue.xhtml}): the current call, its deadlines with a
 * countdown judged by the server's clock, and every line in the user's language.
 */
@Named("callCatalogue")
@RequestScoped
public class CallCatalogueBean {

  private static final DateTimeFormatter ISO_SHANGHAI =
      DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(Zones.SHANGHAI);

  @Inject CatalogueSnapshots snapshots;

  @Inject Clock clock;

  private CatalogueSnapshot snapshot;
  private Instant now;

  /** The current call, or null when none is published (one snapshot for the whole request). */
  public CallView getCall() {
    return snapshot().call();
  }

  private CatalogueSnapshot snapshot() {
    if (snapshot == null) {
      snapshot = snapshots.current();
    }
    return snapshot;
  }

  /**
   * The key of the rendered lines in the application-wide cache: the call, the snapshot's entity
   * tag (its version stamp and a hash of its content) and the language. An officer's edit makes a
   * new snapshot, hence a new key.
   */
  public String getCacheKey() {
    CatalogueSnapshot s = snapshot();
    return "call.catalogue:" + s.callId() + ":" + s.etag() + ":" + getLocale().getLanguage();
  }

  /** The server's now, fixed for the request. */
  public Instant getNow() {
    if (now == null) {
      now = clock.instant();
    }
    return now;
  }

  public long getServerNowMillis() {
    return getNow().toEpochMilli();
  }

  public String getServerNow() {
    return Zones.format(getNow());
  }

  public Locale getLocale() {
    FacesContext fc = FacesContext.getCurrentInstance();
    Locale l = fc == null || fc.getViewRoot() == null ? null : fc.getViewRoot().getLocale();
    return Messages.normalise(l);
  }

  public boolean isEnglish() {
    return Messages.ENGLISH.equals(getLocale());
  }

  /** A catalogue text in the user's language. */
  public String t(Text text) {
    return text == null ? "" : text.in(getLocale());
  }

  public String msg(String key) {
    return Messages.get(getLocale(), key);
  }

  public String msg1(String key, Object arg) {
    return Messages.get(getLocale(), key, arg);
  }

  public String msg2(String key, Object a, Object b) {
    return Messages.get(getLocale(), key, a, b);
  }

  /** Brackets of the language: {@code （…）} in Chinese, {@code (…)} in English. */
  public String paren(String text) {
    return isEnglish() ? "(" + text + ")" : "（" + text + "）";
  }

  /** {@code 2025-09-15 17:30:00} in Asia/Shanghai. */
  public String shanghai(Instant instant) {
    return Zones.format(instant);
  }

  /** {@code 2025-09-15T17:30:00+08:00}, for a {@code <time datetime>}. */
  public String iso(Instant instant) {
    return instant == null ? "" : ISO_SHANGHAI.format(instant);
  }

  public long millis(Instant instant) {
    return instant.toEpochMilli();
  }

  /** open / closed / notOpen for the window, by the server's clock. */
  public String state(Window w) {
    Instant n = getNow();
    if (w.hasClosedAt(n)) {
      return "closed";
    }
    return w.isOpenAt(n) ? "open" : "notOpen";
  }

  /** The countdown as rendered by the server (JavaScript then keeps it running). */
  public String countdown(Instant deadline) {
    long left = deadline.toEpochMilli() - getNow().toEpochMilli();
    if (left <= 0) {
      return msg("call.catalogue.closed");
    }
    long s = left / 1000;
    long d = s / 86400;
    s %= 86400;
    return String.format(
        "%s %d%s %02d:%02d:%02d",
        msg("call.catalogue.remaining"),
        d,
        msg("call.catalogue.days"),
        s / 3600,
        (s % 3600) / 60,
        s % 60);
  }

  public List<LineView> lines(String category) {
    CallView c = getCall();
    if (c == null) {
      return List.of();
    }
    Category cat = Category.valueOf(category);
    return c.lines().stream().filter(l -> l.category() == cat).toList();
  }

  /** {@code 150 万元以内（1,500,000.00 元）}. */
  public String cap(LineView line) {
    return msg2("call.catalogue.capValue", line.cap().toWanString(), cny(line.cap()));
  }

  /** {@code 1,500,000.00}. */
  public static String cny(Money money) {
    DecimalFormat f = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
    return f.format(money.amount());
  }

  public String label(String kind, Enum<?> value) {
    return value == null ? "" : msg("call.enum." + kind + "." + value.name());
  }

  public String unitTypes(LineView line) {
    String sep = isEnglish() ? ", " : "、";
    return line.unitTypes().stream()
        .sorted()
        .map(u -> label("unitType", u))
        .collect(Collectors.joining(sep));
  }

  public String quota(LineView line) {
    String base = label("quota", line.quotaKind());
    if (line.quotaLimit() != null) {
      base += isEnglish() ? ": " : "：";
      base += msg1("call.catalogue.platform.limitValue", line.quotaLimit());
    }
    return base;
  }

  /** The foreign deadline: a date, 待定 / to be announced, or — for unilateral partners. */
  public String foreignDeadline(PartnerView p) {
    if (p.foreignDeadline() != null) {
      return p.foreignDeadline().toString();
    }
    return p.foreignDeadlineToBeAnnounced()
        ? msg("call.catalogue.tba")
        : msg("call.catalogue.none");
  }

  public String target(TargetView t) {
    return msg2("call.catalogue.target.atLeast", t.minimum(), t(t.unit()));
  }

  /** A3 fields by partner group, in order. */
  public List<FieldGroup> fieldGroups(LineView line) {
    Map<String, FieldGroup> groups = new LinkedHashMap<>();
    for (FieldView f : line.fields()) {
      groups
          .computeIfAbsent(f.groupCode(), g -> new FieldGroup(g, f.groupName(), new ArrayList<>()))
          .fields()
          .add(f);
    }
    return List.copyOf(groups.values());
  }

  /** A group of A3 fields for the view. */
  public record FieldGroup(String code, Text name, List<FieldView> fields) {}
}
