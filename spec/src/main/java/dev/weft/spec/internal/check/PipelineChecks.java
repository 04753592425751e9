package dev.weft.spec.internal.check;

import dev.weft.model.Flow;
import dev.weft.model.SystemDef;
import dev.weft.model.SystemDef.ConnectionKind;
import dev.weft.model.Target.Write;
import dev.weft.model.Trigger;
import dev.weft.spec.internal.bind.Nodes;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Sources and targets of one-way flows: systems exist, and the keys fit the system's kind. */
final class PipelineChecks {
  private PipelineChecks() {}

  /** The keys that say how to read, by kind; the others of this list do not apply to that kind. */
  private static final List<String> READ_KEYS = List.of("endpoint", "table", "query", "files", "topic", "paginate", "incremental", "after");

  private static final Map<ConnectionKind, List<String>> SOURCE_KEYS = Map.of(
      ConnectionKind.API, List.of("endpoint", "paginate", "incremental"),
      ConnectionKind.DATASTORE, List.of("table", "query", "incremental"),
      ConnectionKind.FILESYSTEM, List.of("files", "after"),
      ConnectionKind.BROKER, List.of("topic"));

  private static final List<String> WRITE_KEYS = List.of("table", "write", "endpoint", "batch", "file", "topic");

  private static final Map<ConnectionKind, List<String>> TARGET_KEYS = Map.of(
      ConnectionKind.API, List.of("endpoint", "batch"),
      ConnectionKind.DATASTORE, List.of("table", "write"),
      ConnectionKind.FILESYSTEM, List.of("file"),
      ConnectionKind.BROKER, List.of("topic"));

  static void run(Context c) {
    for (int i = 0; i < c.flows().size(); i++) {
      Flow flow = c.flows().get(i);
      if (!(flow.body() instanceof Flow.Pipeline p)) continue;
      String path = c.flowPath(i);
      Nodes f = c.flowNodes(i);
      source(c, flow, p, f.get("source"), path + ".source");
      target(c, p, f.get("target"), path + ".target");
    }
  }

  private static void source(Context c, Flow flow, Flow.Pipeline p, Nodes n, String path) {
    Optional<SystemDef> system = c.system(p.source().system(), path + ".system");
    boolean payloadOnly = !flow.triggers().isEmpty()
        && flow.triggers().stream().allMatch(t -> t instanceof Trigger.Webhook || t instanceof Trigger.Event);
    flow.trigger(Trigger.Event.class).filter(e -> !e.system().equals(p.source().system())).ifPresent(e ->
        c.problems().error(path + ".system", "with an event trigger the source is the broker '" + e.system() + "', not '" + p.source().system() + "'"));
    if (system.isEmpty()) return;
    ConnectionKind kind = system.get().connection();
    for (String key : READ_KEYS) {
      if (!n.get(key).present()) continue;
      if (payloadOnly) {
        c.problems().error(path + "." + key, "'" + key + "' does not apply: with only webhook or event triggers the source is the delivered payload");
      } else if (!SOURCE_KEYS.get(kind).contains(key)) {
        c.problems().error(path + "." + key, "'" + key + "' does not apply to " + Context.article(kind) + " source (system '" + system.get().id() + "')");
      }
    }
    if (payloadOnly) return;
    switch (kind) {
      case API -> need(c, n, path, "endpoint", "an api source needs 'endpoint' (e.g. GET /orders)");
      case FILESYSTEM -> need(c, n, path, "files", "a filesystem source needs 'files' (a glob such as \"*.csv\")");
      case BROKER -> need(c, n, path, "topic", "a broker source needs 'topic' (or use an event trigger)");
      case DATASTORE -> {
        if (n.get("table").present() == n.get("query").present()) {
          c.problems().error(path, "a datastore source needs exactly one of 'table' or 'query'");
        }
      }
    }
    Nodes paginate = n.get("paginate");
    if (paginate.get("style").text().orElse("").equals("cursor") && !paginate.get("next").present()) {
      c.problems().error(path + ".paginate", "cursor pagination needs 'next': where the next cursor is in the body");
    }
  }

  private static void target(Context c, Flow.Pipeline p, Nodes n, String path) {
    if ((p.target().write() == Write.UPSERT || p.target().write() == Write.UPDATE) && p.target().key().isEmpty()) {
      c.problems().error(path + ".write", "write: " + p.target().write().key() + " needs a 'key' that identifies a record");
    }
    Optional<SystemDef> system = c.system(p.target().system(), path + ".system");
    if (system.isEmpty()) return;
    ConnectionKind kind = system.get().connection();
    for (String key : WRITE_KEYS) {
      if (n.get(key).present() && !TARGET_KEYS.get(kind).contains(key)) {
        c.problems().error(path + "." + key, "'" + key + "' does not apply to " + Context.article(kind) + " target (system '" + system.get().id() + "')");
      }
    }
    switch (kind) {
      case API -> need(c, n, path, "endpoint", "an api target needs 'endpoint' (e.g. \"PUT /contacts/{{id}}\")");
      case DATASTORE -> need(c, n, path, "table", "a datastore target needs 'table'");
      case FILESYSTEM -> need(c, n, path, "file", "a filesystem target needs 'file' (a name template)");
      case BROKER -> need(c, n, path, "topic", "a broker target needs 'topic'");
    }
  }

  private static void need(Context c, Nodes n, String path, String key, String message) {
    if (!n.get(key).present()) c.problems().error(path, message);
  }
}
