package dev.weft.formats.internal;

import dev.weft.formats.FormatException;
import dev.weft.formats.MalformedDocumentException;
import dev.weft.formats.FormatOptions;
import dev.weft.formats.RecordReader;
import dev.weft.model.FieldMap;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * CSV rows as records named by the header (or {@code column1}, {@code column2}, ... without one).
 * Values stay strings; an empty field is {@code ""}. A row with another number of fields than the
 * header, or with broken quoting, is one malformed record.
 */
public final class CsvRecordReader implements RecordReader {
  private final InputStream in;
  private final CsvRows rows;
  private final boolean header;
  private List<String> columns;
  /** The columns as names all records share; null when some name repeats. */
  private FieldMap.Names shared;
  private long read;

  public CsvRecordReader(InputStream in, FormatOptions options) {
    this.in = in;
    this.rows = new CsvRows(new InputStreamReader(in, StandardCharsets.UTF_8), options.delimiter(), options.quote());
    this.header = options.header();
  }

  @Override
  public Optional<Map<String, Object>> next() throws IOException, FormatException {
    if (columns == null && header) {
      Optional<CsvRows.Row> first = rows.next();
      if (first.isEmpty()) return Optional.empty();
      if (first.get().malformed().isPresent()) throw new MalformedDocumentException("the CSV header row is malformed: " + first.get().malformed().get(), null);
      columns = names(first.get().fields());
      shared = distinct(columns) ? FieldMap.names(columns) : null;
    }
    Optional<CsvRows.Row> next = rows.next();
    if (next.isEmpty()) return Optional.empty();
    CsvRows.Row row = next.get();
    read++;
    if (row.malformed().isPresent()) throw new FormatException(read, row.malformed().get() + " (line " + row.line() + ")", Optional.of(row.raw()));
    if (columns == null) {
      columns = numbered(row.fields().size());
      shared = FieldMap.names(columns);
    }
    List<String> fields = row.fields();
    if (fields.size() != columns.size()) {
      throw new FormatException(read, fields.size() + " fields where the header has " + columns.size() + " (line " + row.line() + ")", Optional.of(row.raw()));
    }
    if (shared != null) return Optional.of(FieldMap.withKeys(shared, fields.toArray()));
    Map<String, Object> record = new FieldMap(columns.size()); // a repeated header name: the last field wins
    for (int i = 0; i < fields.size(); i++) record.put(columns.get(i), fields.get(i));
    return Optional.of(record);
  }

  private static boolean distinct(List<String> columns) {
    return new java.util.HashSet<>(columns).size() == columns.size();
  }

  private static List<String> names(List<String> header) {
    List<String> names = new ArrayList<>(header.size());
    for (int i = 0; i < header.size(); i++) {
      String name = header.get(i).strip();
      names.add(name.isEmpty() ? "column" + (i + 1) : name);
    }
    return names;
  }

  private static List<String> numbered(int count) {
    List<String> names = new ArrayList<>(count);
    for (int i = 1; i <= count; i++) names.add("column" + i);
    return names;
  }

  @Override
  public long recordsRead() {
    return read;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
