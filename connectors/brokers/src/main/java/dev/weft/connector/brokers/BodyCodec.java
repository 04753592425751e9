package dev.weft.connector.brokers;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.weft.connector.ConfigException;
import dev.weft.model.SystemDef;
import dev.weft.model.SystemDef.Format;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Turns one record into a message body and a message body into a tree, in the system's format. */
public final class BodyCodec {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectReader TREE = JSON.readerFor(Object.class);

  private final Format format;

  private BodyCodec(Format format) {
    this.format = format;
  }

  public static BodyCodec of(SystemDef system) throws ConfigException {
    Format format = system.format().orElse(Format.JSON);
    return switch (format) {
      case JSON, NDJSON -> new BodyCodec(format);
      default ->
          throw new ConfigException(
              "system '" + system.id() + "': broker messages in " + format.label() + " are not supported yet; use json or ndjson");
    };
  }

  public Format format() {
    return format;
  }

  /** The MIME type of the bodies, for brokers that carry one. */
  public String contentType() {
    return format == Format.NDJSON ? "application/x-ndjson" : "application/json";
  }

  public byte[] encode(Map<String, Object> record) throws IOException {
    byte[] json = JSON.writeValueAsBytes(record);
    if (format != Format.NDJSON) return json;
    byte[] line = java.util.Arrays.copyOf(json, json.length + 1);
    line[json.length] = '\n';
    return line;
  }

  /** The body as a tree: a map, a list, or a scalar; NDJSON gives the list of its lines. */
  public Object decode(byte[] body) throws IOException {
    if (format == Format.NDJSON) {
      List<Object> lines = new ArrayList<>();
      try (MappingIterator<Object> it = TREE.readValues(body)) {
        while (it.hasNextValue()) lines.add(it.nextValue());
      }
      return lines;
    }
    return JSON.readValue(body, new TypeReference<Object>() {});
  }
}
