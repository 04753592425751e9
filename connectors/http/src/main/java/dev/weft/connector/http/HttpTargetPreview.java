package dev.weft.connector.http;

import dev.weft.connector.ConfigException;
import dev.weft.connector.ConnectorException;
import dev.weft.connector.Preview;
import dev.weft.connector.RunInfo;
import dev.weft.connector.SinkRecord;
import dev.weft.connector.TargetPreview;
import dev.weft.model.Endpoint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What an API target holds for the records a run would send: for an endpoint that names the
 * record ({@code PUT /contacts/{{id}}}), {@code GET} of the same path (2xx: the current record,
 * 404 or 410: a create); an endpoint without templates ({@code POST /orders}, or arrays of
 * records) creates every record.
 */
final class HttpTargetPreview implements TargetPreview {
  private final ApiClient client;
  private final BodyFormat body;
  private final PathTemplate path;
  private final boolean creates;

  HttpTargetPreview(ApiClient client, BodyFormat body, Endpoint endpoint, boolean arrays, RunInfo run) {
    this.client = client;
    this.body = body;
    this.path = PathTemplate.of(endpoint.path(), run);
    this.creates = arrays || !path.hasFields() || endpoint.method().toUpperCase(Locale.ROOT).equals("POST");
  }

  @Override
  public List<Preview> preview(List<SinkRecord> batch) throws ConnectorException {
    List<Preview> answers = new ArrayList<>(batch.size());
    for (SinkRecord record : batch) answers.add(creates ? new Preview.Create(Optional.empty()) : current(record.value()));
    return answers;
  }

  private Preview current(Map<String, Object> record) throws ConnectorException {
    Optional<String> rendered = path.render(record);
    if (rendered.isEmpty())
      return new Preview.Refused("no value for " + String.join(", ", path.missing(record)) + " in the endpoint path " + path.text());
    ApiRequest request = new ApiRequest("GET", client.resolve(rendered.get()), Map.of("Accept", body.mediaType()), Optional.empty());
    ApiResponse response = client.send(request);
    if (response.status() == 404 || response.status() == 410) return new Preview.Create(Optional.of(rendered.get()));
    if (!response.ok())
      throw new ConfigException(client.system().displayName() + ": a plan reads the current record with " + request.describe()
          + ", which answered " + response.status() + ": this target cannot be previewed");
    List<Map<String, Object>> found = body.read(response.body(), false).records();
    if (found.isEmpty()) return new Preview.Create(Optional.of(rendered.get()));
    Map<String, Object> current = new LinkedHashMap<>();
    for (String field : record.keySet()) if (found.get(0).containsKey(field)) current.put(field, found.get(0).get(field));
    return new Preview.Existing(rendered.get(), current);
  }

  @Override
  public void close() {
    client.close();
  }
}
