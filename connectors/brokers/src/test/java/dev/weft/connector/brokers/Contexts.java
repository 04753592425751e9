package dev.weft.connector.brokers;

import dev.weft.connector.RunInfo;
import dev.weft.connector.SinkContext;
import dev.weft.connector.SourceContext;
import dev.weft.model.Auth;
import dev.weft.model.ErrorPolicy;
import dev.weft.model.Flow;
import dev.weft.model.Source;
import dev.weft.model.SystemDef;
import dev.weft.model.Target;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Builds the contexts the engine would hand a broker connector. */
public final class Contexts {
  private Contexts() {}

  public static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  public static SystemDef system(String url, Auth auth, Map<String, Object> options) {
    return new SystemDef(
        "bus", Optional.of("Bus"), false, SystemDef.ConnectionKind.BROKER, url, Optional.empty(), auth, Optional.empty(), options);
  }

  public static SystemDef system(String url, Map<String, Object> options) {
    return system(url, new Auth.None(Auth.Scope.SYSTEM), options);
  }

  public static RunInfo run(String integration) {
    return new RunInfo(UUID.randomUUID().toString(), integration, "test", Instant.now(), Path.of("target"));
  }

  static Flow flow(String id, String topic) {
    Source source = source(topic);
    Target target = target(topic);
    return new Flow(id, Optional.empty(), List.of(), new Flow.Pipeline(source, List.of(), target), Optional.empty(), ErrorPolicy.DEFAULT);
  }

  static Source source(String topic) {
    return new Source(
        "bus", Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(topic), Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty(), Source.After.KEEP);
  }

  static Target target(String topic) {
    return new Target(
        "bus", Optional.empty(), Target.Write.INSERT, List.of(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(topic));
  }

  /** The same integration name gives the same client ids and durable consumers (one flow, run again). */
  public static SourceContext source(SystemDef system, String topic, String integration) {
    return new SourceContext(system, source(topic), flow("flow", topic), run(integration));
  }

  public static SinkContext sink(SystemDef system, String topic, String integration) {
    return new SinkContext(system, target(topic), flow("flow", topic), run(integration));
  }
}
