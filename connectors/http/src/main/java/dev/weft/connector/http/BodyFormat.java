package dev.weft.connector.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weft.connector.ConfigException;
import dev.weft.connector.SystemException;
import dev.weft.formats.FormatException;
import dev.weft.formats.FormatOptions;
import dev.weft.formats.Formats;
import dev.weft.formats.RecordReader;
import dev.weft.formats.RecordWriter;
import dev.weft.model.RecordPath;
import dev.weft.model.SystemDef;
import dev.weft.model.SystemDef.Format;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The system's transport language ({@code format}, JSON by default) for request and response bodies. */
final class BodyFormat {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String systemName;
  private final Format format;
  private final FormatOptions options;
  private final Optional<RecordPath> records;

  private BodyFormat(String systemName, Format format, FormatOptions options, Optional<RecordPath> records) {
    this.systemName = systemName;
    this.format = format;
    this.options = options;
    this.records = records;
  }

  /** @param records where the records are in a response body (sources), empty for request bodies */
  static BodyFormat of(SystemDef system, Optional<String> records) throws ConfigException {
    try {
      FormatOptions options = FormatOptions.from(system.options(), records);
      return new BodyFormat(
          system.displayName(), system.format().orElse(Format.JSON), options, options.records().map(RecordPath::of));
    } catch (IllegalArgumentException e) {
      throw new ConfigException(system.displayName() + ": " + e.getMessage());
    }
  }

  Format format() {
    return format;
  }

  String mediaType() {
    return switch (format) {
      case JSON -> "application/json";
      case NDJSON -> "application/x-ndjson";
      case CSV -> "text/csv; charset=utf-8";
      case XML -> "application/xml";
    };
  }

  /** True when a page can be read as one tree, so that a cursor can be found in it. */
  boolean hasTree() {
    return format == Format.JSON || format == Format.XML;
  }

  /**
   * The records of one response body and, when {@code wantTree}, the whole document (for the
   * cursor). A body that cannot be parsed as a whole is a {@link SystemException} (the API did not
   * answer in the language the spec says it speaks, e.g. a maintenance page): the run stops and
   * resumes at this page. One malformed record among good ones becomes a {@code _weft_error}
   * record.
   */
  Page read(byte[] body, boolean wantTree) throws SystemException {
    if (isBlank(body)) return new Page(List.of(), Map.of());
    try {
      if (format == Format.JSON) return readJson(body);
      Map<String, Object> tree = wantTree ? Formats.readOne(format, body, options) : Map.of();
      List<Map<String, Object>> all = new ArrayList<>();
      try (RecordReader reader = Formats.reader(format, new ByteArrayInputStream(body), options)) {
        while (true) {
          try {
            Optional<Map<String, Object>> record = reader.next();
            if (record.isEmpty()) break;
            all.add(record.get());
          } catch (FormatException malformed) {
            all.add(malformed(malformed));
          }
        }
      }
      return new Page(all, tree);
    } catch (IOException | UncheckedIOException e) {
      throw new SystemException(
          systemName + ": a response body is not valid " + format.key(),
          systemName + ": a response body is not valid " + format.key() + ": " + e.getMessage(),
          e);
    }
  }

  private Page readJson(byte[] body) {
    Map<String, Object> tree = Formats.readOne(Format.JSON, body, options);
    boolean array = firstCharacter(body) == '[';
    Object found;
    if (records.isPresent()) found = records.get().get(array ? tree.get("value") : tree);
    else found = array ? tree.get("value") : tree;
    return new Page(asRecords(found), tree);
  }

  /**
   * A record that cannot be parsed (a CSV row, an NDJSON line) goes on as {@code _weft_error}
   * (and {@code _weft_raw}) for the engine to dead-letter, as the file connector does.
   */
  private static Map<String, Object> malformed(FormatException e) {
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("_weft_error", e.getMessage());
    e.raw().ifPresent(raw -> record.put("_weft_raw", raw));
    return record;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> asRecords(Object found) {
    return switch (found) {
      case null -> List.of();
      case Map<?, ?> m -> List.of((Map<String, Object>) m);
      case List<?> list -> {
        List<Map<String, Object>> out = new ArrayList<>(list.size());
        for (Object item : list) out.add(item instanceof Map<?, ?> m ? (Map<String, Object>) m : wrap(item));
        yield out;
      }
      default -> List.of(wrap(found));
    };
  }

  private static Map<String, Object> wrap(Object value) {
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("value", value);
    return record;
  }

  /**
   * One record as a request body: a JSON object, an NDJSON line, a CSV header and row, or an XML
   * document holding one record element.
   */
  byte[] writeOne(Map<String, Object> record) throws SystemException {
    if (format == Format.JSON) {
      try {
        return JSON.writeValueAsBytes(record);
      } catch (IOException e) {
        throw new SystemException(systemName + ": a record cannot be written as JSON", e);
      }
    }
    return writeAll(List.of(record));
  }

  /** Records as one request body: a JSON array, NDJSON lines, a CSV table, or an XML document. */
  byte[] writeAll(List<Map<String, Object>> batch) throws SystemException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (RecordWriter writer = Formats.writer(format, out, options)) {
      for (Map<String, Object> record : batch) writer.write(record);
      writer.finish();
    } catch (IOException | UncheckedIOException e) {
      throw new SystemException(systemName + ": records cannot be written as " + format.key(), e);
    }
    return out.toByteArray();
  }

  private static boolean isBlank(byte[] body) {
    return firstCharacter(body) == 0;
  }

  private static char firstCharacter(byte[] body) {
    for (byte b : body) {
      char c = (char) (b & 0xff);
      if (!Character.isWhitespace(c) && c != 0xEF && c != 0xBB && c != 0xBF) return c;
    }
    return 0;
  }

  record Page(List<Map<String, Object>> records, Map<String, Object> tree) {}
}
