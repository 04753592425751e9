package dev.weft.testkit;

import dev.weft.connector.Connector;
import dev.weft.connector.Sink;
import dev.weft.connector.SinkContext;
import dev.weft.connector.Source;
import dev.weft.connector.SourceContext;
import dev.weft.connector.ConfigException;
import dev.weft.connector.RecordSet;
import dev.weft.connector.RecordSetContext;
import dev.weft.model.SystemDef;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.List;

/**
 * Serves systems whose URL starts with {@code mem:}: the source, sink or record set registered
 * under the system's id. It also keeps the resolved systems it was opened with, so tests can check them.
 */
public final class InMemoryConnector implements Connector {
  private final Map<String, Source> sources = new ConcurrentHashMap<>();
  private final Map<String, Sink> sinks = new ConcurrentHashMap<>();
  private final Map<String, RecordSet> recordSets = new ConcurrentHashMap<>();
  private final List<SystemDef> opened = new CopyOnWriteArrayList<>();

  public InMemoryConnector source(String systemId, Source source) {
    sources.put(systemId, source);
    return this;
  }

  public InMemoryConnector sink(String systemId, Sink sink) {
    sinks.put(systemId, sink);
    return this;
  }

  /** The record set that is system {@code systemId}'s side of two-way syncs. */
  public InMemoryConnector recordSet(String systemId, RecordSet set) {
    recordSets.put(systemId, set);
    return this;
  }

  /** The systems sources and sinks were opened for, placeholders resolved. */
  public List<SystemDef> opened() {
    return List.copyOf(opened);
  }

  @Override
  public String name() {
    return "memory";
  }

  @Override
  public boolean accepts(SystemDef system) {
    return system.url().startsWith("mem:");
  }

  @Override
  public Source openSource(SourceContext context) throws ConfigException {
    opened.add(context.system());
    Source source = sources.get(context.system().id());
    if (source == null) throw new ConfigException("no in-memory source for system " + context.system().id());
    return source;
  }

  @Override
  public Sink openSink(SinkContext context) throws ConfigException {
    opened.add(context.system());
    Sink sink = sinks.get(context.system().id());
    if (sink == null) throw new ConfigException("no in-memory sink for system " + context.system().id());
    return sink;
  }

  @Override
  public RecordSet openRecordSet(RecordSetContext context) throws ConfigException {
    opened.add(context.system());
    RecordSet set = recordSets.get(context.system().id());
    if (set == null) throw new ConfigException("no in-memory record set for system " + context.system().id());
    return set;
  }
}
