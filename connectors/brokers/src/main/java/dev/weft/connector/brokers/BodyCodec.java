package dev.weft.connector.brokers;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weft.connector.ConfigException;
import dev.weft.formats.FormatException;
import dev.weft.formats.FormatOptions;
import dev.weft.formats.Formats;
import dev.weft.formats.RecordReader;
import dev.weft.formats.RecordWriter;
import dev.weft.model.SystemDef;
import dev.weft.model.SystemDef.Format;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns one record into a message body, and a message body into its records, in the system's
 * format. A JSON body is one object (not an array of one); a JSON array body, an NDJSON, CSV or
 * XML body may hold several records.
 */
public final class BodyCodec {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Format format;
  private final FormatOptions options;

  private BodyCodec(Format format, FormatOptions options) {
    this.format = format;
    this.options = options;
  }

  /** @param records where the records are inside each body (a source's {@code records}) */
  public static BodyCodec of(SystemDef system, Optional<String> records) throws ConfigException {
    try {
      return new BodyCodec(system.format().orElse(Format.JSON), FormatOptions.from(system.options(), records));
    } catch (IllegalArgumentException e) {
      throw new ConfigException("system '" + system.id() + "': " + e.getMessage());
    }
  }

  public static BodyCodec of(SystemDef system) throws ConfigException {
    return of(system, Optional.empty());
  }

  public Format format() {
    return format;
  }

  /** The MIME type of the bodies, for brokers that carry one. */
  public String contentType() {
    return switch (format) {
      case JSON -> "application/json";
      case NDJSON -> "application/x-ndjson";
      case CSV -> "text/csv";
      case XML -> "application/xml";
    };
  }

  public byte[] encode(Map<String, Object> record) throws IOException {
    if (format == Format.JSON) return JSON.writeValueAsBytes(record);
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try (RecordWriter writer = Formats.writer(format, out, options.withRecords(Optional.empty()))) {
      writer.write(record);
      writer.finish();
    }
    return out.toByteArray();
  }

  /** One record of a body, or why a part of it could not be read. */
  public sealed interface Item {
    record Ok(Map<String, Object> record) implements Item {}

    record Bad(String why) implements Item {}
  }

  /** The records of a body in order; a malformed record, or a body that cannot be read on, is a {@link Item.Bad}. */
  public List<Item> decode(byte[] body) {
    List<Item> items = new ArrayList<>();
    try (RecordReader reader = Formats.reader(format, new ByteArrayInputStream(body), options)) {
      while (true) {
        try {
          Optional<Map<String, Object>> next = reader.next();
          if (next.isEmpty()) break;
          items.add(new Item.Ok(next.get()));
        } catch (FormatException e) {
          items.add(new Item.Bad(e.getMessage()));
        }
      }
    } catch (IOException | RuntimeException e) {
      items.add(new Item.Bad("the message is not valid " + format.key() + ": " + firstLine(e)));
    }
    return items;
  }

  private static String firstLine(Exception e) {
    String m = String.valueOf(e.getMessage());
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}
