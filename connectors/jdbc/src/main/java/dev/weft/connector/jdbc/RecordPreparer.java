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

  /**
   * The field names of the last record that passed and the columns they resolved to (null for a
   * dropped unknown field): records of a batch mostly share one layout, so it is resolved once.
   */
  private record Layout(String[] fields, Column[] columns, List<Column> set) {}

  private volatile Layout layout = new Layout(new String[0], new Column[0], List.of());

  PreparedRow prepare(int index, Map<String, Object> record) throws RecordRejected {
    Layout known = layout;
    if (record.size() == known.fields().length && !record.isEmpty()) {
      // one pass: a field off the layout sends the record to the full check below, which redoes it all
      List<Object> values = new ArrayList<>(known.set().size());
      int i = 0;
      for (Map.Entry<String, Object> field : record.entrySet()) {
        String expected = known.fields()[i];
        if (expected != field.getKey() && !expected.equals(field.getKey())) break;
        Column column = known.columns()[i++];
        if (column != null) values.add(ValueCoercer.coerce(column, field.getKey(), field.getValue()));
      }
      if (i == record.size()) {
        checkKey(known.set(), values);
        return new PreparedRow(index, known.set(), values);
      }
    }
    List<Column> columns = new ArrayList<>(record.size());
    List<Object> values = new ArrayList<>(record.size());
    String[] fields = new String[record.size()];
    Column[] resolved = new Column[record.size()];
    int i = 0;
    for (Map.Entry<String, Object> field : record.entrySet()) {
      fields[i] = field.getKey();
      var column = shape.column(field.getKey());
      i++;
      if (column.isEmpty()) {
        if (ignoreUnknownFields) continue;
        throw new RecordRejected(
            "field " + field.getKey() + " is not a column of table " + shape.name()
                + " (set the system option ignore_unknown_columns: true to drop such fields)");
      }
      if (columns.contains(column.get()))
        throw new RecordRejected("fields " + field.getKey() + " and " + column.get().name() + " name the same column");
      resolved[i - 1] = column.get();
      columns.add(column.get());
      values.add(ValueCoercer.coerce(column.get(), field.getKey(), field.getValue()));
    }
    checkKey(columns, values);
    if (columns.isEmpty()) throw new RecordRejected("the record has no field that is a column of table " + shape.name());
    Layout passed = new Layout(fields, resolved, List.copyOf(columns));
    layout = passed;
    return new PreparedRow(index, passed.set(), values);
  }

  private void checkKey(List<Column> columns, List<Object> values) throws RecordRejected {
    if (mode == Target.Write.INSERT) return;
    for (String k : key) {
      int at = 0;
      while (at < columns.size() && !columns.get(at).name().equals(k)) at++;
      if (at == columns.size() || values.get(at) == null) throw new RecordRejected("key field " + k + " is missing or null");
    }
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
