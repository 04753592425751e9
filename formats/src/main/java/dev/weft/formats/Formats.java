package dev.weft.formats;

import dev.weft.formats.internal.CsvRecordReader;
import dev.weft.formats.internal.CsvRecordWriter;
import dev.weft.formats.internal.JsonRecordReader;
import dev.weft.formats.internal.JsonRecordWriter;
import dev.weft.formats.internal.JsonTrees;
import dev.weft.formats.internal.NdjsonRecordReader;
import dev.weft.formats.internal.NdjsonRecordWriter;
import dev.weft.formats.internal.XmlRecordReader;
import dev.weft.formats.internal.XmlRecordWriter;
import dev.weft.model.SystemDef.Format;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Streaming readers and writers for the transport languages. Text is UTF-8.
 *
 * <p>Values read: JSON integers become {@code Long} ({@code BigInteger} when they do not fit),
 * decimals {@code BigDecimal}. CSV values stay strings, and an empty field is the empty string
 * {@code ""} (never null): the mapping coerces. XML becomes a tree: child elements are fields,
 * repeated elements are lists, attributes are {@code @name}, the text of an element that also
 * has attributes or children is {@code #text}, an element with text only is a string.
 */
public final class Formats {
  private Formats() {}

  public static RecordReader reader(Format format, InputStream in, FormatOptions options) {
    try {
      return switch (format) {
        case JSON -> new JsonRecordReader(in, options.records());
        case NDJSON -> new NdjsonRecordReader(in);
        case CSV -> new CsvRecordReader(in, options);
        case XML -> new XmlRecordReader(in, options);
      };
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static RecordWriter writer(Format format, OutputStream out, FormatOptions options) {
    try {
      return switch (format) {
        case JSON -> new JsonRecordWriter(out, options.records());
        case NDJSON -> new NdjsonRecordWriter(out);
        case CSV -> new CsvRecordWriter(out, options);
        case XML -> new XmlRecordWriter(out, options);
      };
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The whole document as one tree, for a page whose records and cursor are both needed. A JSON
   * document whose top level is not an object, and CSV or NDJSON (a list of records), come back
   * as {@code {"value": <it>}}; an XML document is {@code {<root name>: <root tree>}} so that
   * {@code records: Invoices.Invoice} addresses it as it does when streaming.
   *
   * @throws UncheckedIOException when the document cannot be parsed
   */
  public static Map<String, Object> readOne(Format format, byte[] body, FormatOptions options) {
    try {
      return switch (format) {
        case JSON -> {
          Object tree = JsonTrees.read(body);
          yield asMap(tree);
        }
        case XML -> XmlRecordReader.readDocument(new ByteArrayInputStream(body));
        case NDJSON, CSV -> asMap(readAll(format, body, options));
      };
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(Object tree) {
    if (tree instanceof Map<?, ?> m) return (Map<String, Object>) m;
    Map<String, Object> wrapped = new LinkedHashMap<>();
    wrapped.put("value", tree);
    return wrapped;
  }

  private static List<Object> readAll(Format format, byte[] body, FormatOptions options) throws IOException {
    List<Object> all = new ArrayList<>();
    try (RecordReader reader = reader(format, new ByteArrayInputStream(body), options)) {
      while (true) {
        try {
          Optional<Map<String, Object>> record = reader.next();
          if (record.isEmpty()) return all;
          all.add(record.get());
        } catch (FormatException e) {
          throw new IOException(e.getMessage(), e);
        }
      }
    }
  }
}
