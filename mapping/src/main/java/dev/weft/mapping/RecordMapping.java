package dev.weft.mapping;

import dev.weft.mapping.internal.CompiledRow;
import dev.weft.mapping.internal.JsonataExpression;
import dev.weft.mapping.internal.RowFailure;
import dev.weft.model.FieldMap;
import dev.weft.model.MapRow;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A flow's map rows and filter, compiled once: {@link #apply} maps one source record. Immutable and
 * safe to use from many threads at once.
 */
public final class RecordMapping {
  private final CompiledRow[] rows;
  private final Optional<JsonataExpression> filter;
  private final int expectedFields;

  RecordMapping(List<CompiledRow> rows, Optional<JsonataExpression> filter) {
    this.rows = rows.toArray(CompiledRow[]::new);
    this.filter = filter;
    this.expectedFields = Math.max(4, (int) (rows.size() / 0.75f) + 1);
  }

  /** Compiles map rows and an optional JSONata filter; every problem is collected, none thrown. */
  public static Compiled compile(List<MapRow> rows, Optional<String> filter) {
    return MappingCompiler.compile(rows, filter);
  }

  /** Maps one source record; config is the instance's config ({@code $config} in JSONata). Never throws for bad data. */
  public Outcome apply(Map<String, Object> record, Map<String, Object> config) {
    Map<String, Object> source = record == null ? Map.of() : record;
    Map<String, Object> settings = config == null ? Map.of() : config;
    try {
      if (filter.isPresent() && !keeps(filter.get(), source, settings)) return new Outcome.Filtered();
      Map<String, Object> out = new FieldMap(expectedFields);
      for (CompiledRow row : rows) row.apply(source, settings, out);
      return new Outcome.Mapped(out);
    } catch (RowFailure failure) {
      return new Outcome.Invalid(failure.getMessage());
    } catch (RuntimeException | StackOverflowError unexpected) {
      return new Outcome.Invalid("cannot map the record: " + unexpected);
    }
  }

  private static boolean keeps(JsonataExpression filter, Map<String, Object> record, Map<String, Object> config)
      throws RowFailure {
    try {
      return Boolean.TRUE.equals(filter.evaluate(record, record, config));
    } catch (RowFailure failure) {
      throw new RowFailure("filter: " + failure.getMessage());
    }
  }

  /** The number of map rows. */
  public int size() {
    return rows.length;
  }
}
