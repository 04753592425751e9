package dev.weft.connector.http;

import dev.weft.connector.ConfigException;
import dev.weft.connector.Connector;
import dev.weft.connector.ConnectorException;
import dev.weft.connector.RecordSet;
import dev.weft.connector.TargetPreview;
import dev.weft.connector.RecordSetContext;
import dev.weft.connector.Sink;
import dev.weft.connector.SinkContext;
import dev.weft.connector.Source;
import dev.weft.connector.SourceContext;
import dev.weft.model.Endpoint;
import dev.weft.model.RecordPath;
import dev.weft.model.Source.Paginate;
import dev.weft.model.Sync;
import dev.weft.model.SystemDef;
import java.util.Optional;

/**
 * HTTP(S) APIs ({@code connection: api} with an {@code http:} or {@code https:} URL) as sources
 * and targets, over {@link java.net.http.HttpClient}. Bodies are in the system's {@code format}.
 */
public final class HttpConnector implements Connector {

  @Override
  public String name() {
    return "http";
  }

  @Override
  public boolean accepts(SystemDef system) {
    String scheme = system.scheme();
    return system.connection() == SystemDef.ConnectionKind.API && (scheme.equals("http") || scheme.equals("https"));
  }

  @Override
  public Source openSource(SourceContext context) throws ConnectorException {
    SystemDef system = context.system();
    dev.weft.model.Source source = context.source();
    Endpoint endpoint =
        source.endpoint().orElseThrow(
            () -> new ConfigException("flow " + context.flow().id() + ": an API source needs an endpoint, e.g. 'GET /orders'"));
    BodyFormat body = BodyFormat.of(system, source.records());
    Paginate paginate = source.paginate().orElse(Paginate.NONE);
    if (paginate.style() == Paginate.Style.CURSOR && !body.hasTree())
      throw new ConfigException(
          system.displayName() + ": cursor pagination reads the next cursor from the body, which needs format json or xml, not " + body.format().key());
    Optional<HttpSource.Incremental> incremental = Optional.empty();
    if (source.incremental().isPresent()) {
      var declared = source.incremental().get();
      RecordPath.Parsed field = RecordPath.parse(declared.field());
      if (field.path().isEmpty()) throw new ConfigException("incremental.field: " + field.error().orElseThrow());
      incremental = Optional.of(new HttpSource.Incremental(field.path().get(), declared.param().orElse(declared.field())));
    }
    ApiClient client = ApiClient.open(system, context.flow().errors(), context.run());
    try {
      return new HttpSource(client, body, endpoint, Pager.of(paginate, client.credentials().secretQueryParam()), incremental);
    } catch (ConnectorException | RuntimeException e) {
      client.close();
      throw e;
    }
  }

  @Override
  public Sink openSink(SinkContext context) throws ConnectorException {
    SystemDef system = context.system();
    Endpoint endpoint = targetEndpoint(context);
    BodyFormat body = BodyFormat.of(system, Optional.empty());
    ApiClient client = ApiClient.open(system, context.flow().errors(), context.run());
    try {
      return new HttpSink(client, body, endpoint, context.target().batch(), context.run());
    } catch (ConnectorException | RuntimeException e) {
      client.close();
      throw e;
    }
  }

  @Override
  public RecordSet openRecordSet(RecordSetContext context) throws ConnectorException {
    SystemDef system = context.system();
    Sync.Side side = context.side();
    String endpoint = side.endpoint().orElseThrow(() -> new ConfigException(
        "flow " + context.flow().id() + ": the sync side on " + side.system() + " is an API and needs an endpoint, e.g. /contacts"));
    if (endpoint.contains(" "))
      throw new ConfigException("flow " + context.flow().id() + ": a sync side's endpoint is a path like /contacts, without a method"
          + " (not '" + endpoint + "'); create, update and delete override the method");
    BodyFormat list = BodyFormat.of(system, side.records());
    BodyFormat one = BodyFormat.of(system, Optional.empty());
    if (!one.hasTree())
      throw new ConfigException(system.displayName() + ": a sync side reads and writes single records, which needs format json or xml, not "
          + one.format().key());
    ApiClient client = ApiClient.open(system, context.flow().errors(), context.run());
    try {
      SyncPaging paging = SyncPaging.of(system, client.credentials().secretQueryParam());
      if (paging.pager() instanceof Pager.Cursors && !list.hasTree())
        throw new ConfigException(system.displayName() + ": cursor pagination needs format json or xml");
      return new HttpRecordSet(client, list, one, endpoint, side.id(), side.updated(), paging, side.create(), side.update(),
          side.delete(), context.run());
    } catch (ConnectorException | RuntimeException e) {
      client.close();
      throw e;
    }
  }

  @Override
  public TargetPreview openPreview(SinkContext context) throws ConnectorException {
    SystemDef system = context.system();
    Endpoint endpoint = targetEndpoint(context);
    BodyFormat body = BodyFormat.of(system, Optional.empty());
    ApiClient client = ApiClient.open(system, context.flow().errors(), context.run());
    return new HttpTargetPreview(client, body, endpoint, context.target().batch().isPresent(), context.run());
  }

  private static Endpoint targetEndpoint(SinkContext context) throws ConfigException {
    return context.target().endpoint().orElseThrow(
        () -> new ConfigException("flow " + context.flow().id() + ": an API target needs an endpoint, e.g. 'PUT /contacts/{{id}}'"));
  }
}
