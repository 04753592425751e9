package dev.weft.engine;

import dev.weft.connector.ConnectorException;
import dev.weft.connector.RunInfo;
import dev.weft.connector.Source;
import dev.weft.connector.SourceContext;
import dev.weft.model.Flow;
import dev.weft.model.SystemDef;

/**
 * Opens a flow's source outside a run, exactly as a run would (placeholders resolved with the
 * request's config, secrets and environment), for a server that holds a broker subscription open
 * across runs and feeds each run what arrived.
 */
public final class FlowSources {
  private FlowSources() {}

  /** The opened source; {@link RunStartException} when a placeholder has no value or no connector serves the system. */
  public static Source open(Connectors connectors, RunRequest request, RunInfo info) throws RunStartException, ConnectorException {
    Flow flow = FlowRunner.flowOf(request.spec(), request.flowId());
    Flow.Pipeline pipeline = (Flow.Pipeline) flow.body();
    SystemResolver resolver = new SystemResolver(request.spec(), request.config(), request.secrets(), request.env());
    SystemDef system = resolver.resolve(FlowRunner.systemOf(request.spec(), pipeline.source().system(), "source"));
    return connectors.serving(system).openSource(new SourceContext(system, pipeline.source(), flow, info));
  }

  /**
   * The records of one delivered JSON document (a webhook's body) as a run of the flow would read
   * them: at the webhook trigger's (or the source's) {@code records} path when given, else the
   * document, or each element of an array. Positions are {@code name#N} (1-based).
   *
   * @throws ConfigException when the document has nothing at the records path
   */
  public static java.util.List<dev.weft.connector.SourceRecord> payloadRecords(RunRequest request, Object document, String name)
      throws RunStartException, dev.weft.connector.ConfigException {
    Flow flow = FlowRunner.flowOf(request.spec(), request.flowId());
    return PayloadSource.of(document, FlowRunner.payloadRecords(flow, (Flow.Pipeline) flow.body()), name).records();
  }

  /** The id of the flow's source system (the one a feeding connector stands in for). */
  public static String sourceSystem(RunRequest request) throws RunStartException {
    Flow flow = FlowRunner.flowOf(request.spec(), request.flowId());
    return ((Flow.Pipeline) flow.body()).source().system();
  }
}
