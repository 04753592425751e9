package dev.weft.engine;

import dev.weft.connector.Batch;
import dev.weft.connector.Checkpoint;
import dev.weft.connector.ConfigException;
import dev.weft.connector.Connector;
import dev.weft.connector.ConnectorException;
import dev.weft.connector.Sink;
import dev.weft.connector.SinkContext;
import dev.weft.connector.Source;
import dev.weft.connector.SourceContext;
import dev.weft.model.SystemDef;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/** The connectors a run may use: those on the class path, or a chosen list (tests). */
public final class Connectors {
  private final List<Connector> connectors;

  private Connectors(List<Connector> connectors) {
    this.connectors = List.copyOf(connectors);
  }

  public static Connectors discovered() {
    return new Connectors(ServiceLoader.load(Connector.class).stream().map(ServiceLoader.Provider::get).toList());
  }

  public static Connectors of(Connector... connectors) {
    return new Connectors(List.of(connectors));
  }

  /**
   * These connectors, with {@code source} given for every source read from the system {@code
   * systemId} (a server feeding a run from a subscription it holds open across runs). The run does
   * not close it; writing to that system still goes through its own connector.
   */
  public Connectors feeding(String systemId, Source source) {
    Connectors all = this;
    Connector feed = new Connector() {
      @Override
      public String name() {
        return "feed";
      }

      @Override
      public boolean accepts(SystemDef system) {
        return system.id().equals(systemId);
      }

      @Override
      public Source openSource(SourceContext context) {
        return new Source() {
          @Override
          public Batch read(Checkpoint from, int maxRecords) throws ConnectorException {
            return source.read(from, maxRecords);
          }

          @Override
          public void committed(Checkpoint checkpoint) throws ConnectorException {
            source.committed(checkpoint);
          }
        };
      }

      @Override
      public Sink openSink(SinkContext context) throws ConnectorException {
        try {
          return all.serving(context.system()).openSink(context);
        } catch (RunStartException e) {
          throw new ConfigException(e.getMessage(), e);
        }
      }
    };
    List<Connector> list = new ArrayList<>();
    list.add(feed);
    list.addAll(connectors);
    return new Connectors(list);
  }

  Connector serving(SystemDef system) throws RunStartException {
    for (Connector c : connectors) if (c.accepts(system)) return c;
    throw new RunStartException(
        "no connector in this build serves system " + system.id() + " (" + system.connection().key() + ", URL scheme '"
            + system.scheme() + "')");
  }
}
