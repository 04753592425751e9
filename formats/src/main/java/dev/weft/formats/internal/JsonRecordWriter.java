package dev.weft.formats.internal;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.weft.formats.RecordWriter;
import dev.weft.model.RecordPath;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A JSON array of records; with {@code records: data.items} the array is wrapped as
 * {@code {"data": {"items": [...]}}}.
 */
public final class JsonRecordWriter implements RecordWriter {
  private final JsonGenerator g;
  private final int depth;

  public JsonRecordWriter(OutputStream out, Optional<String> records) throws IOException {
    this.g = JsonTrees.FACTORY.createGenerator(out, JsonEncoding.UTF8);
    List<RecordPath.Step> steps = records.map(r -> RecordPath.of(r).steps()).orElse(List.of());
    int fields = 0;
    for (RecordPath.Step step : steps) {
      if (step instanceof RecordPath.Field f) {
        g.writeStartObject();
        g.writeFieldName(f.name());
        fields++;
      }
    }
    this.depth = fields;
    g.writeStartArray();
  }

  @Override
  public void write(Map<String, Object> record) throws IOException {
    JsonTrees.write(g, record);
  }

  @Override
  public void finish() throws IOException {
    g.writeEndArray();
    for (int i = 0; i < depth; i++) g.writeEndObject();
    g.flush();
    g.close();
  }
}
