package dev.weft.connector.jdbc;

import dev.weft.connector.Checkpoint;
import dev.weft.connector.ConfigException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a database source's checkpoint holds, as JSON text: for an incremental read the last
 * value of the cursor field (and of the primary key, so rows with an equal cursor value are
 * neither skipped nor read twice); for a full read the number of rows already read in this run.
 */
record CursorToken(Optional<Object> cursor, List<Object> key, long rows) {

  static final CursorToken START = new CursorToken(Optional.empty(), List.of(), 0);

  CursorToken {
    key = java.util.Collections.unmodifiableList(new ArrayList<>(key));
  }

  static CursorToken parse(Checkpoint checkpoint) throws ConfigException {
    if (checkpoint.isStart()) return START;
    Object tree = JsonText.read(checkpoint.token()).orElse(null);
    if (!(tree instanceof Map<?, ?> map))
      throw new ConfigException("the stored checkpoint \"" + checkpoint.token() + "\" was not made by the database source");
    Object rows = map.get("rows");
    Object key = map.get("key");
    return new CursorToken(
        Optional.ofNullable(map.get("cursor")),
        key instanceof List<?> list ? new ArrayList<>(list) : List.of(),
        rows instanceof Number n ? n.longValue() : 0);
  }

  Checkpoint checkpoint() {
    Map<String, Object> map = new LinkedHashMap<>();
    cursor.ifPresent(c -> map.put("cursor", c));
    if (!key.isEmpty()) map.put("key", key);
    if (cursor.isEmpty()) map.put("rows", rows);
    return new Checkpoint(JsonText.write(map));
  }

  boolean isStart() {
    return cursor.isEmpty() && rows == 0;
  }
}
