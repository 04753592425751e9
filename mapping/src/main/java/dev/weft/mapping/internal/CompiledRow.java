package dev.weft.mapping.internal;

import dev.weft.model.RecordPath;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One map row, ready to run: read the {@code from} paths, transform, round, default, check
 * required, write the {@code to} paths. Immutable and safe to share between threads.
 *
 * @param label the row as reasons name it: {@code map[3] (convert lb -> kg)}
 * @param index the row's position, for the required message {@code map[2]: 'email' is required but empty}
 * @param round decimals, or -1 for none
 */
public record CompiledRow(
    String label,
    int index,
    List<RecordPath> from,
    boolean fromIsList,
    List<RecordPath> to,
    Transform transform,
    Object defaultValue,
    boolean required,
    int round) {

  /** Maps this row of one record into {@code out}. */
  public void apply(Map<String, Object> record, Map<String, Object> config, Map<String, Object> out) throws RowFailure {
    Object value = read(record);
    try {
      value = transform.apply(value, record, config);
    } catch (RowFailure failure) {
      throw new RowFailure(label + ": " + failure.getMessage());
    } catch (RuntimeException unexpected) {
      throw new RowFailure(label + ": cannot map " + Values.quoted(value) + " (" + unexpected.getMessage() + ")");
    }
    if (round >= 0 && value != null) {
      try {
        value = rounded(value);
      } catch (ArithmeticException e) {
        throw new RowFailure(label + ": cannot round " + Values.quoted(value) + " (" + e.getMessage() + ")");
      }
    }
    if (value == null && defaultValue != null) value = Values.copy(defaultValue);
    if (value == null && required) throw new RowFailure("map[" + index + "]: " + targets() + " is required but empty");
    write(out, value);
  }

  private Object read(Map<String, Object> record) {
    if (from.isEmpty()) return null;
    if (from.size() == 1 && !fromIsList) return from.getFirst().get(record);
    List<Object> values = new ArrayList<>(from.size());
    for (RecordPath path : from) values.add(path.get(record));
    return values;
  }

  private Object rounded(Object value) throws RowFailure {
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      for (Object item : list) out.add(item == null ? null : rounded(item));
      return out;
    }
    BigDecimal number = Values.decimalOrNull(value);
    if (number == null) throw new RowFailure(label + ": cannot round " + Values.quoted(value) + ", it is not a number");
    return number.setScale(round, RoundingMode.HALF_UP);
  }

  /** Several targets take a list's items in order (missing ones null); otherwise each takes the value. */
  private void write(Map<String, Object> out, Object value) {
    if (to.size() == 1) {
      to.getFirst().set(out, value instanceof Map || value instanceof List ? Values.copy(value) : value);
      return;
    }
    if (value instanceof List<?> list) {
      for (int i = 0; i < to.size(); i++) to.get(i).set(out, i < list.size() ? Values.copy(list.get(i)) : null);
    } else {
      for (RecordPath path : to) path.set(out, Values.copy(value));
    }
  }

  private String targets() {
    StringBuilder text = new StringBuilder();
    for (RecordPath path : to) {
      if (!text.isEmpty()) text.append(", ");
      text.append('\'').append(path.text()).append('\'');
    }
    return text.toString();
  }
}
