package dev.weft.engine;

import dev.weft.connector.Connector;
import dev.weft.model.SystemDef;
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

  Connector serving(SystemDef system) throws RunStartException {
    for (Connector c : connectors) if (c.accepts(system)) return c;
    throw new RunStartException(
        "no connector in this build serves system " + system.id() + " (" + system.connection().key() + ", URL scheme '"
            + system.scheme() + "')");
  }
}
