package dev.weft.connector.files;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weft.connector.Checkpoint;
import dev.weft.connector.ConfigException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a file source stands, as a checkpoint token: the files finished (read to the end, their
 * records handed over) that may still be in the folder, and the file being read with how many of
 * its records are done. A file is known by name, size and modification time.
 *
 * <p>Token: {@code {"finished":[["a.csv",120,1700000000000]],"current":["b.csv",560,1700000000000],"records":42}}.
 */
record FilePosition(List<FileEntry> finished, Optional<FileEntry> current, long records) {
  private static final ObjectMapper JSON = new ObjectMapper();

  static final FilePosition START = new FilePosition(List.of(), Optional.empty(), 0);

  FilePosition {
    finished = List.copyOf(finished);
  }

  static FilePosition of(Checkpoint checkpoint) throws ConfigException {
    if (checkpoint.isStart()) return START;
    try {
      Map<?, ?> token = JSON.readValue(checkpoint.token(), Map.class);
      List<FileEntry> finished = new ArrayList<>();
      for (Object entry : (List<?>) token.get("finished")) finished.add(entry((List<?>) entry));
      Optional<FileEntry> current = Optional.ofNullable((List<?>) token.get("current")).map(FilePosition::entry);
      long records = ((Number) token.get("records")).longValue();
      return new FilePosition(finished, current, records);
    } catch (Exception e) {
      throw new ConfigException("the stored checkpoint was not written by the files connector (" + e.getClass().getSimpleName() + ")", e);
    }
  }

  private static FileEntry entry(List<?> parts) {
    return new FileEntry((String) parts.get(0), ((Number) parts.get(1)).longValue(), ((Number) parts.get(2)).longValue());
  }

  Checkpoint checkpoint() {
    Map<String, Object> token = new LinkedHashMap<>();
    token.put("finished", finished.stream().map(FilePosition::parts).toList());
    token.put("current", current.map(FilePosition::parts).orElse(null));
    token.put("records", records);
    try {
      return new Checkpoint(JSON.writeValueAsString(token));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<Object> parts(FileEntry e) {
    return List.of(e.name(), e.size(), e.modifiedMillis());
  }
}
