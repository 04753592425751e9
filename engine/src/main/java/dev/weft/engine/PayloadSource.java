package dev.weft.engine;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weft.connector.Batch;
import dev.weft.connector.Checkpoint;
import dev.weft.connector.ConfigException;
import dev.weft.connector.Source;
import dev.weft.connector.SourceRecord;
import dev.weft.model.RecordPath;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A delivered JSON payload as a source (a webhook's body, or {@code weft run --input FILE}). The
 * records are at {@code records} in the document when given, else the document is one record, or
 * each element of an array is. Positions are {@code FILE#N} (1-based).
 */
final class PayloadSource implements Source {
  private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private final List<SourceRecord> records;

  private PayloadSource(List<SourceRecord> records) {
    this.records = records;
  }

  static PayloadSource read(Path file, Optional<String> recordsPath) throws ConfigException {
    Object document;
    try {
      document = JSON.readValue(file.toFile(), Object.class);
    } catch (IOException e) {
      throw new ConfigException("cannot read the input " + file + " as JSON: " + e.getMessage(), e);
    }
    return of(document, recordsPath, String.valueOf(file.getFileName()));
  }

  @SuppressWarnings("unchecked")
  static PayloadSource of(Object document, Optional<String> recordsPath, String name) throws ConfigException {
    Object at = document;
    if (recordsPath.isPresent()) {
      at = RecordPath.of(recordsPath.get()).get(document);
      if (at == null) throw new ConfigException("the input has nothing at '" + recordsPath.get() + "' (where the flow's records are)");
    }
    List<Object> items = at instanceof List<?> list ? (List<Object>) list : List.of(at);
    List<SourceRecord> records = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      Object item = items.get(i);
      Map<String, Object> value = item instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of("value", String.valueOf(item));
      records.add(new SourceRecord(value, name + "#" + (i + 1)));
    }
    return new PayloadSource(records);
  }

  List<SourceRecord> records() {
    return records;
  }

  @Override
  public Batch read(Checkpoint from, int maxRecords) {
    int start = from.isStart() ? 0 : Integer.parseInt(from.token());
    int end = Math.min(records.size(), start + maxRecords);
    return new Batch(records.subList(start, end), new Checkpoint(Integer.toString(end)), end >= records.size());
  }
}
