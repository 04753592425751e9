package dev.weft.connector.jdbc;

import dev.weft.model.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks one record against the target table and coerces its values: every field must name a
 * column (unless unknown fields are to be ignored), key fields must be present for upsert and
 * update, and every value must fit its column.
 */
final class RecordPreparer {

  private final TableShape shape;
  private final Target.Write mode;
  private final List<String> key;
  private final boolean ignoreUnknownFields;

  RecordPreparer(TableShape shape, Target.Write mode, List<String> key, boolean ignoreUnknownFields) {
    this.shape = shape;
    this.mode = mode;
    this.key = List.copyOf(key);
    this.ignoreUnknownFields = ignoreUnknownFields;
  }

  PreparedRow prepare(int index, Map<String, Object> record) throws RecordRejected {
    List<Column> columns = new ArrayList<>(record.size());
    List<Object> values = new ArrayList<>(record.size());
    for (Map.Entry<String, Object> field : record.entrySet()) {
      var column = shape.column(field.getKey());
      if (column.isEmpty()) {
        if (ignoreUnknownFields) continue;
        throw new RecordRejected(
            "field " + field.getKey() + " is not a column of table " + shape.name()
                + " (set the system option ignore_unknown_columns: true to drop such fields)");
      }
      if (columns.contains(column.get()))
        throw new RecordRejected("fields " + field.getKey() + " and " + column.get().name() + " name the same column");
      columns.add(column.get());
      values.add(ValueCoercer.coerce(column.get(), field.getKey(), field.getValue()));
    }
    if (mode != Target.Write.INSERT) {
      for (String k : key) {
        int at = 0;
        while (at < columns.size() && !columns.get(at).name().equals(k)) at++;
        if (at == columns.size() || values.get(at) == null) throw new RecordRejected("key field " + k + " is missing or null");
      }
    }
    if (columns.isEmpty()) throw new RecordRejected("the record has no field that is a column of table " + shape.name());
    return new PreparedRow(index, columns, values);
  }

  /** A text that is equal for two rows exactly when their keys are equal. */
  String keyOf(PreparedRow row) {
    if (key.size() == 1 && row.value(key.get(0)) instanceof String single) return single;
    StringBuilder text = new StringBuilder();
    for (String k : key) {
      Object value = row.value(k);
      if (value instanceof java.math.BigDecimal d) value = d.stripTrailingZeros().toPlainString();
      if (value instanceof byte[] b) value = java.util.HexFormat.of().formatHex(b);
      text.append(value).append('\u0001');
    }
    return text.toString();
  }
}
