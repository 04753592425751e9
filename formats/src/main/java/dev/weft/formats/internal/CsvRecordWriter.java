package dev.weft.formats.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.weft.formats.FormatOptions;
import dev.weft.formats.RecordWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CSV whose columns are the first record's keys, with a header row unless {@code header} is
 * false. Keys that later records add are not written (a CSV header cannot grow); missing keys and
 * nulls are empty fields; maps and lists are written as JSON text.
 */
public final class CsvRecordWriter implements RecordWriter {
  private static final CsvMapper MAPPER = new CsvMapper();

  private final OutputStream out;
  private final FormatOptions options;
  private List<String> columns;
  private SequenceWriter rows;

  public CsvRecordWriter(OutputStream out, FormatOptions options) {
    this.out = out;
    this.options = options;
  }

  @Override
  public void write(Map<String, Object> record) throws IOException {
    if (rows == null) start(record);
    Map<String, String> row = new LinkedHashMap<>();
    for (String column : columns) row.put(column, text(record.get(column)));
    rows.write(row);
  }

  private void start(Map<String, Object> first) throws IOException {
    columns = new ArrayList<>(first.keySet());
    CsvSchema.Builder schema = CsvSchema.builder();
    for (String column : columns) schema.addColumn(column);
    CsvSchema built =
        schema.build()
            .withColumnSeparator(options.delimiter())
            .withQuoteChar(options.quote())
            .withLineSeparator("\n")
            .withUseHeader(options.header());
    rows = MAPPER.writer(built).without(JsonGenerator.Feature.AUTO_CLOSE_TARGET).with(CsvGenerator.Feature.ALWAYS_QUOTE_EMPTY_STRINGS).writeValues(out);
  }

  private static String text(Object value) {
    return switch (value) {
      case null -> "";
      case String s -> s;
      case BigDecimal d -> d.toPlainString();
      case Map<?, ?> m -> JsonTrees.toJson(m);
      case Iterable<?> l -> JsonTrees.toJson(l);
      default -> String.valueOf(value);
    };
  }

  @Override
  public void finish() throws IOException {
    if (rows != null) rows.close();
    out.flush();
  }
}
