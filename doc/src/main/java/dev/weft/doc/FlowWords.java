package dev.weft.doc;

import dev.weft.model.ErrorPolicy;
import dev.weft.model.Flow;
import dev.weft.model.Source;
import dev.weft.model.Spec;
import dev.weft.model.Sync;
import dev.weft.model.Target;
import dev.weft.model.Trigger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A flow's data flow, volume, error handling and delivery guarantee in words. */
final class FlowWords {
  private FlowWords() {}

  /** One sentence or two on how the data moves, from source to target. */
  static Text dataFlow(Spec spec, Flow flow) {
    return switch (flow.body()) {
      case Flow.Pipeline p -> pipeline(spec, flow, p);
      case Sync s -> sync(spec, s);
    };
  }

  private static Text pipeline(Spec spec, Flow flow, Flow.Pipeline p) {
    Source source = p.source();
    Target target = p.target();
    Text.Builder b = Text.builder()
        .plain(MapSide.name(spec, source.system()) + " → " + MapSide.name(spec, target.system()) + ". ");
    b.add(reading(flow, source));
    source.filter().filter(f -> !f.isBlank()).ifPresent(f -> b.plain(", kept only when ").code(f.strip()));
    b.plain(", mapped by " + Values.count(p.map().size(), "row") + ", and ");
    b.add(writing(target)).plain(".");
    return b.build();
  }

  private static Text reading(Flow flow, Source source) {
    List<Text> ways = new ArrayList<>();
    boolean pulled = true;
    if (source.endpoint().isPresent()) {
      Text.Builder e = Text.builder().plain("read from ").code(source.endpoint().get().toString());
      List<Text> details = new ArrayList<>();
      source.paginate().filter(pg -> pg.style() != Source.Paginate.Style.NONE)
          .ifPresent(pg -> details.add(Text.plain(pg.style().key() + " pagination")));
      source.records().ifPresent(r -> details.add(Text.builder().plain("records at ").code(r).build()));
      incremental(source, details);
      ways.add(e.add(parenthesised(details)).build());
    } else if (source.table().isPresent() || source.query().isPresent()) {
      Text.Builder e = source.table().isPresent()
          ? Text.builder().plain("read from the table ").code(source.table().get())
          : Text.builder().plain("read with the query ").code(source.query().get().strip());
      List<Text> details = new ArrayList<>();
      incremental(source, details);
      ways.add(e.add(parenthesised(details)).build());
    } else if (source.files().isPresent()) {
      Text.Builder e = Text.builder().plain("read from the files ").code(source.files().get());
      List<Text> details = new ArrayList<>();
      source.records().ifPresent(r -> details.add(Text.builder().plain("records at ").code(r).build()));
      details.add(Text.plain(switch (source.after()) {
        case KEEP -> "kept afterwards";
        case ARCHIVE -> "archived once loaded";
        case DELETE -> "deleted once loaded";
      }));
      ways.add(e.add(parenthesised(details)).build());
    } else if (source.topic().isPresent()) {
      ways.add(Text.builder().plain("consumed from ").code(source.topic().get()).build());
    } else {
      pulled = false;
    }
    Optional<Trigger.Webhook> webhook = flow.trigger(Trigger.Webhook.class);
    if (webhook.isPresent()) {
      Optional<String> records = pulled ? webhook.get().records() : webhook.get().records().or(source::records);
      ways.add(Text.builder().plain(pulled ? "arrive in webhook payloads" : "delivered in webhook payloads")
          .add(parenthesised(records.map(r -> List.of(Text.builder().plain("records at ").code(r).build())).orElse(List.of()))).build());
    }
    flow.trigger(Trigger.Event.class).ifPresent(ev -> ways.add(Text.builder()
        .plain(ways.isEmpty() ? "delivered as messages on " : "arrive as messages on ").code(ev.topic()).build()));
    if (ways.isEmpty()) ways.add(Text.plain("read"));
    return Text.builder().plain("Records are ").add(TriggerWords.series(ways)).build();
  }

  private static void incremental(Source source, List<Text> details) {
    source.incremental().ifPresent(inc -> details.add(
        Text.builder().plain("only those changed since the last run, by ").code(inc.field()).build()));
  }

  private static Text parenthesised(List<Text> details) {
    if (details.isEmpty()) return new Text(List.of());
    return Text.builder().plain(" (").add(Text.join(details, "; ")).plain(")").build();
  }

  private static Text writing(Target target) {
    Text.Builder b = Text.builder();
    if (target.table().isPresent()) {
      b.plain(switch (target.write()) {
        case INSERT -> "inserted into";
        case UPSERT -> "upserted into";
        case UPDATE -> "updated in";
      }).plain(" the table ").code(target.table().get());
      if (!target.key().isEmpty()) b.plain(" by ").add(codes(target.key()));
    } else if (target.endpoint().isPresent()) {
      b.plain("sent to ").code(target.endpoint().get().toString());
      b.plain(target.batch().map(n -> " in arrays of up to " + Values.number(n)).orElse(", one request per record"));
    } else if (target.file().isPresent()) {
      b.plain("written to the file ").code(target.file().get());
    } else if (target.topic().isPresent()) {
      b.plain("published to ").code(target.topic().get());
    } else {
      b.plain("written");
    }
    return b.build();
  }

  private static Text sync(Spec spec, Sync s) {
    Text.Builder b = Text.builder()
        .plain(MapSide.name(spec, s.a().system()) + " ⇄ " + MapSide.name(spec, s.b().system()) + ". Two-way sync between ")
        .add(place(spec, s.a())).plain(" and ").add(place(spec, s.b())).plain(".");
    return b.build();
  }

  private static Text place(Spec spec, Sync.Side side) {
    Text.Builder b = Text.builder().plain(MapSide.name(spec, side.system()) + " ");
    if (side.table().isPresent()) b.plain("table ").code(side.table().get());
    else b.code(side.endpoint().orElse("?"));
    return b.build();
  }

  /** How records are paired, conflicts and deletes. */
  static Text syncRules(Spec spec, Sync s) {
    Text.Builder b = Text.builder();
    String a = MapSide.name(spec, s.a().system());
    String bName = MapSide.name(spec, s.b().system());
    s.match().ifPresentOrElse(
        m -> b.plain("On the first run, records are paired by ").code(m.aField()).plain(" (" + a + ") and ").code(m.bField())
            .plain(" (" + bName + "), compared trimmed and case-insensitive; after that by the id map (")
            .code(s.a().id()).plain(" ⇄ ").code(s.b().id()).plain(")."),
        () -> b.plain("Records are paired by the id map (").code(s.a().id()).plain(" ⇄ ").code(s.b().id())
            .plain("); no match fields, so existing records are not paired on the first run."));
    b.plain(" On a conflict ").plain(switch (s.conflict()) {
      case NEWEST -> "the newest change wins";
      case PREFER_A -> a + " wins";
      case PREFER_B -> bName + " wins";
    }).plain("; deletes are ").plain(s.deletes() == Sync.Deletes.PROPAGATE ? "propagated to the other side." : "not propagated.");
    if (s.a().updated().isEmpty() || s.b().updated().isEmpty()) {
      b.plain(" A side without an updated-at field is compared in full each run.");
    }
    return b.build();
  }

  static Text volume(Flow flow) {
    if (flow.volume().isEmpty()) return Text.missing();
    Flow.Volume v = flow.volume().get();
    Text.Builder b = Text.builder();
    v.perRun().ifPresentOrElse(n -> b.plain("About " + Values.count(n, "record") + " per run."),
        () -> b.plain("Expected records per run: ").missing().plain("."));
    v.max().ifPresentOrElse(
        n -> b.plain(" Safety cap: a run that would move more than " + Values.count(n, "record") + " stops with an error before it writes."),
        () -> b.plain(" No safety cap."));
    return b.build();
  }

  static List<Text> errorHandling(ErrorPolicy errors) {
    List<Text> items = new ArrayList<>();
    ErrorPolicy.Retry r = errors.retry();
    items.add(Text.plain("Transient failures (timeouts, lost connections, rate limits, server errors) are retried with exponential backoff from "
        + Values.duration(r.backoff()) + " up to " + Values.duration(r.maxBackoff()) + " between attempts, "
        + Values.count(r.attempts(), "attempt") + " at most; then the run fails, and the next run resumes from its last checkpoint."));
    items.add(Text.plain(switch (errors.invalidRecords()) {
      case DEAD_LETTER -> "Invalid records (a mapping error, a missing required value, or a rejection by the target) go to the dead-letter queue, where they can be inspected and replayed; the run goes on.";
      case SKIP -> "Invalid records (a mapping error, a missing required value, or a rejection by the target) are skipped and counted in the run history; the run goes on.";
      case FAIL -> "The first invalid record (a mapping error, a missing required value, or a rejection by the target) fails the run; nothing after it is committed.";
    }));
    items.add(errors.notifyWebhook()
        .map(w -> Text.builder().plain("Failures are reported to the webhook ")
            .code(SecretText.isReference(w) ? w.strip() : SecretText.url(w)).plain(".").build())
        .orElseGet(() -> Text.builder().plain("Notification webhook: ").missing().plain(".").build()));
    items.add(errors.message()
        .map(m -> Text.builder().plain("Message shown to users: ").code(m).build())
        .orElseGet(() -> Text.builder().plain("Message shown to users: ").missing().plain(" (the error itself is shown).").build()));
    return items;
  }

  /** What a crash and resume can do to the target. */
  static Text deliveryGuarantee(Flow flow) {
    return switch (flow.body()) {
      case Sync s -> Text.plain("Exactly-once in effect: each side is written by its id and the id map, so a resumed run updates the same records again instead of duplicating them.");
      case Flow.Pipeline p -> target(p.target());
    };
  }

  private static Text target(Target t) {
    if (t.topic().isPresent()) {
      return Text.plain("At-least-once: every message carries a stable message id (flow and source position), so consumers can drop repeats.");
    }
    if (t.file().isPresent()) {
      return Text.plain("At-least-once: files are written under a temporary name and renamed when the run commits, so no reader sees half a file; a run resumed after a crash may write its records again.");
    }
    if (t.endpoint().isPresent() && t.table().isEmpty()) {
      String method = t.endpoint().get().method().toUpperCase(Locale.ROOT);
      if (method.equals("PUT") || method.equals("DELETE")) {
        return Text.plain("Exactly-once in effect: " + method + " is idempotent, so a run resumed after a crash sends the same records again without duplicating them.");
      }
      return Text.plain("At-least-once: a run resumed after a crash may send some records again (" + method + " is not idempotent).");
    }
    return switch (t.write()) {
      case UPSERT -> Text.builder().plain("Exactly-once in effect: records are upserted by ").add(codes(t.key()))
          .plain(", so a run resumed after a crash rewrites the same rows.").build();
      case UPDATE -> Text.builder().plain("Exactly-once in effect: existing rows are updated by ").add(codes(t.key()))
          .plain(", so a run resumed after a crash rewrites the same rows; a record without a row is invalid.").build();
      case INSERT -> Text.plain("At-least-once: a run resumed after a crash may insert some records again.");
    };
  }

  static Text codes(List<String> names) {
    return Text.join(names.stream().map(Text::code).toList(), ", ");
  }
}
