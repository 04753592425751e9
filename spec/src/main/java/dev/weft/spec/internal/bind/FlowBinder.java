package dev.weft.spec.internal.bind;

import dev.weft.model.Endpoint;
import dev.weft.model.ErrorPolicy;
import dev.weft.model.ErrorPolicy.InvalidRecords;
import dev.weft.model.ErrorPolicy.Retry;
import dev.weft.model.Flow;
import dev.weft.model.Source;
import dev.weft.model.Source.After;
import dev.weft.model.Source.Paginate;
import dev.weft.model.Sync;
import dev.weft.model.Target;
import dev.weft.model.Target.Write;
import dev.weft.model.Trigger;
import dev.weft.model.Trigger.Verify;
import dev.weft.spec.internal.Problems;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Binds one flow: trigger, source, map and target (or sync), volume and error handling. */
final class FlowBinder {
  private final Problems problems;

  FlowBinder(Problems problems) {
    this.problems = problems;
  }

  Optional<Flow> bind(Nodes n, String path) {
    Optional<Flow.Body> body;
    if (n.get("sync").isMapping()) body = sync(n.get("sync"), path + ".sync").map(s -> (Flow.Body) s);
    else if (n.get("source").isMapping() && n.get("target").isMapping()) {
      body = Optional.of(new Flow.Pipeline(
          source(n.get("source"), path + ".source"),
          MapRowBinder.bindAll(n.get("map")),
          target(n.get("target"), path + ".target")));
    } else body = Optional.empty();
    if (body.isEmpty()) return Optional.empty();
    Nodes volume = n.get("volume");
    return Optional.of(new Flow(
        n.get("id").text(""),
        n.get("name").text(),
        triggers(n.get("trigger"), path + ".trigger"),
        body.get(),
        volume.isMapping() ? Optional.of(new Flow.Volume(volume.get("per_run").longValue(), volume.get("max").longValue())) : Optional.empty(),
        errors(n.get("errors"))));
  }

  private List<Trigger> triggers(Nodes t, String path) {
    List<Trigger> out = new ArrayList<>();
    Nodes schedule = t.get("schedule");
    if (schedule.isMapping()) {
      schedule.get("cron").text().ifPresent(c -> out.add(new Trigger.Cron(c, schedule.get("zone").text())));
    } else {
      schedule.text().ifPresent(s -> Values.every(s).ifPresentOrElse(
          d -> out.add(new Trigger.Every(d)),
          () -> { if (s.strip().matches("(?i)every\\s+0+\\s*\\D.*")) problems.error(path + ".schedule", "the interval of '" + s + "' must be more than 0"); }));
    }
    Nodes hook = t.get("webhook");
    if (hook.isMapping()) {
      out.add(new Trigger.Webhook(hook.get("path").text(""), verify(hook.get("verify")), hook.get("records").text()));
    }
    if (t.get("manual").bool(false)) out.add(new Trigger.Manual());
    Nodes event = t.get("event");
    if (event.isMapping()) out.add(new Trigger.Event(event.get("system").text(""), event.get("topic").text("")));
    return out;
  }

  private static Optional<Verify> verify(Nodes v) {
    if (!v.isMapping()) return Optional.empty();
    Optional<Verify.Scheme> scheme = v.get("hmac").text()
        .map(h -> h.equals("sha1") ? Verify.Scheme.HMAC_SHA1 : Verify.Scheme.HMAC_SHA256)
        .or(() -> v.get("scheme").text().flatMap(Verify.Scheme::of));
    return scheme.map(s -> new Verify(s, v.get("header").text(), v.get("secret").text(""), v.get("tolerance").text().flatMap(Values::duration)));
  }

  private Source source(Nodes s, String path) {
    Nodes p = s.get("paginate");
    Optional<Paginate> paginate = p.isMapping()
        ? p.get("style").text().flatMap(Paginate.Style::of).map(style -> new Paginate(style, p.get("param").text(), p.get("size_param").text(), p.get("size").integer(), p.get("start").integer(), p.get("next").text()))
        : Optional.empty();
    Nodes inc = s.get("incremental");
    return new Source(
        s.get("system").text(""),
        endpoint(s.get("endpoint"), path + ".endpoint"),
        s.get("table").text(),
        s.get("query").text(),
        s.get("files").text(),
        s.get("topic").text(),
        s.get("records").text(),
        paginate,
        inc.isMapping() ? inc.get("field").text().map(f -> new Source.Incremental(f, inc.get("param").text())) : Optional.empty(),
        s.get("filter").text(),
        s.get("after").text().flatMap(After::of).orElse(After.KEEP));
  }

  private Target target(Nodes t, String path) {
    return new Target(
        t.get("system").text(""),
        t.get("table").text(),
        t.get("write").text().flatMap(Write::of).orElse(Write.INSERT),
        t.get("key").texts(),
        endpoint(t.get("endpoint"), path + ".endpoint"),
        t.get("batch").integer(),
        t.get("file").text(),
        t.get("topic").text());
  }

  private Optional<Sync> sync(Nodes s, String path) {
    if (!s.get("a").isMapping() || !s.get("b").isMapping()) return Optional.empty();
    List<String> match = s.get("match").texts();
    return Optional.of(new Sync(
        side(s.get("a"), path + ".a"),
        side(s.get("b"), path + ".b"),
        match.size() == 2 ? Optional.of(new Sync.Match(match.get(0), match.get(1))) : Optional.empty(),
        MapRowBinder.bindAll(s.get("a_to_b")),
        MapRowBinder.bindAll(s.get("b_to_a")),
        s.get("conflict").text().flatMap(Sync.Conflict::of).orElse(Sync.Conflict.NEWEST),
        s.get("deletes").text().flatMap(Sync.Deletes::of).orElse(Sync.Deletes.IGNORE)));
  }

  private Sync.Side side(Nodes n, String path) {
    return new Sync.Side(
        n.get("system").text(""),
        n.get("endpoint").text(),
        n.get("table").text(),
        n.get("id").text(""),
        n.get("updated").text(),
        n.get("records").text(),
        endpoint(n.get("create"), path + ".create"),
        endpoint(n.get("update"), path + ".update"),
        endpoint(n.get("delete"), path + ".delete"));
  }

  private Optional<Endpoint> endpoint(Nodes n, String path) {
    Optional<String> text = n.text();
    if (text.isEmpty()) return Optional.empty();
    Values.endpointProblem(text.get()).ifPresent(p -> problems.error(path, p));
    return Values.endpoint(text.get());
  }

  private static ErrorPolicy errors(Nodes e) {
    if (!e.isMapping()) return ErrorPolicy.DEFAULT;
    Nodes r = e.get("retry");
    Retry d = Retry.DEFAULT;
    Retry retry = new Retry(
        r.get("attempts").integer().orElse(d.attempts()),
        r.get("backoff").text().flatMap(Values::duration).orElse(d.backoff()),
        r.get("max_backoff").text().flatMap(Values::duration).orElse(d.maxBackoff()));
    return new ErrorPolicy(
        retry,
        e.get("invalid_records").text().flatMap(InvalidRecords::of).orElse(InvalidRecords.DEAD_LETTER),
        e.get("notify").get("webhook").text(),
        e.get("message").text());
  }
}
