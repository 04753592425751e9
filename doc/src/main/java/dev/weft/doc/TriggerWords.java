package dev.weft.doc;

import com.cronutils.descriptor.CronDescriptor;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.parser.CronParser;
import dev.weft.model.Flow;
import dev.weft.model.Spec;
import dev.weft.model.Trigger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A flow's trigger and run frequency in words. */
final class TriggerWords {
  private static final CronParser UNIX_CRON = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

  private TriggerWords() {}

  /** "Runs every 15 minutes, when a signed webhook arrives at `/hooks/{instance}/orders`, and on demand." */
  static Text trigger(Spec spec, Flow flow) {
    if (flow.onDemandOnly()) return Text.plain("Runs on demand only (no trigger declared).");
    List<Text> parts = new ArrayList<>();
    for (Trigger t : flow.triggers()) parts.add(describe(spec, t));
    return Text.builder().plain("Runs ").add(series(parts)).plain(".").build();
  }

  /** "Every 15 minutes, as events arrive, and on demand". */
  static Text frequency(Flow flow) {
    if (flow.onDemandOnly()) return Text.plain("On demand only");
    List<Text> parts = new ArrayList<>();
    boolean events = false;
    for (Trigger t : flow.triggers()) {
      switch (t) {
        case Trigger.Every e -> parts.add(Text.plain(Values.every(e.interval())));
        case Trigger.Cron c -> parts.add(cron(c));
        case Trigger.Webhook w -> events = true;
        case Trigger.Event e -> events = true;
        case Trigger.Manual m -> {}
      }
    }
    if (events) parts.add(Text.plain("as events arrive"));
    if (flow.trigger(Trigger.Manual.class).isPresent()) parts.add(Text.plain("on demand"));
    Text all = series(parts);
    return capitalised(all);
  }

  private static Text describe(Spec spec, Trigger trigger) {
    return switch (trigger) {
      case Trigger.Every e -> Text.plain(Values.every(e.interval()));
      case Trigger.Cron c -> Text.builder().plain("on the schedule ").add(cron(c)).build();
      case Trigger.Webhook w -> webhook(w);
      case Trigger.Event e -> Text.builder().plain("when a message arrives on ").code(e.topic()).plain(" at ")
          .plain(spec.system(e.system()).map(s -> s.displayName()).orElse(e.system())).build();
      case Trigger.Manual m -> Text.plain("on demand");
    };
  }

  private static Text webhook(Trigger.Webhook w) {
    Text.Builder b = Text.builder().plain(w.verify().isPresent() ? "when a signed webhook arrives at " : "when a webhook arrives at ")
        .code("/hooks/{instance}/" + w.path());
    w.verify().ifPresentOrElse(v -> {
      b.plain(" (signature: ").plain(scheme(v.scheme()));
      v.header().ifPresent(h -> b.plain(" in header ").code(h));
      b.plain(")");
    }, () -> b.plain(" (unsigned)"));
    return b.build();
  }

  private static String scheme(Trigger.Verify.Scheme scheme) {
    return switch (scheme) {
      case HMAC_SHA256 -> "HMAC SHA-256 of the body";
      case HMAC_SHA1 -> "HMAC SHA-1 of the body";
      case GITHUB -> "GitHub style, HMAC SHA-256";
      case STRIPE -> "Stripe style, HMAC SHA-256 with a timestamp";
    };
  }

  // The expression as code, then its words and zone: "every 2 hours, UTC".
  static Text cron(Trigger.Cron cron) {
    String zone = cron.zone().orElse("UTC");
    Text.Builder b = Text.builder().code(cron.expression()).plain(" (");
    words(cron.expression()).ifPresent(w -> b.plain(w + ", "));
    return b.plain(zone + ")").build();
  }

  static Optional<String> words(String expression) {
    try {
      String words = CronDescriptor.instance(Locale.ENGLISH).describe(UNIX_CRON.parse(expression)).strip();
      return words.isEmpty() ? Optional.empty() : Optional.of(words);
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /** "a", "a and b", "a, b, and c". */
  static Text series(List<Text> parts) {
    Text.Builder b = Text.builder();
    for (int i = 0; i < parts.size(); i++) {
      if (i > 0) b.plain(parts.size() == 2 ? " and " : i == parts.size() - 1 ? ", and " : ", ");
      b.add(parts.get(i));
    }
    return b.build();
  }

  private static Text capitalised(Text text) {
    if (text.isEmpty() || !(text.spans().get(0) instanceof Text.Plain p) || p.text().isEmpty()) return text;
    List<Text.Span> spans = new ArrayList<>(text.spans());
    spans.set(0, new Text.Plain(Character.toUpperCase(p.text().charAt(0)) + p.text().substring(1)));
    return new Text(spans);
  }
}
