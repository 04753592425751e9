package dev.weft.mapping;

import dev.weft.mapping.internal.CompiledRow;
import dev.weft.mapping.internal.ConvertTransform;
import dev.weft.mapping.internal.DateTransform;
import dev.weft.mapping.internal.JsonataExpression;
import dev.weft.mapping.internal.SimpleTransforms;
import dev.weft.mapping.internal.Transform;
import dev.weft.mapping.units.UnitCatalog;
import dev.weft.model.MapRow;
import dev.weft.model.MapRow.Operation;
import dev.weft.model.RecordPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.measure.Unit;

/** Turns map rows into {@link CompiledRow}s, collecting a {@link RowProblem} for each mistake. */
final class MappingCompiler {
  private MappingCompiler() {}

  static Compiled compile(List<MapRow> rows, Optional<String> filter) {
    List<RowProblem> problems = new ArrayList<>();
    List<CompiledRow> compiled = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      CompiledRow row = row(i, rows.get(i), problems);
      if (row != null) compiled.add(row);
    }
    Optional<JsonataExpression> filterExpression = Optional.empty();
    if (filter.isPresent()) {
      JsonataExpression.Parsed parsed = JsonataExpression.parseOnRecord(filter.get());
      parsed.error().ifPresent(e -> problems.add(RowProblem.of("filter", "invalid JSONata: " + e)));
      filterExpression = parsed.expression();
    }
    if (!problems.isEmpty()) return new Compiled(Optional.empty(), problems);
    return new Compiled(Optional.of(new RecordMapping(compiled, filterExpression)), List.of());
  }

  private static CompiledRow row(int index, MapRow row, List<RowProblem> problems) {
    String at = "map[" + index + "]";
    int before = problems.size();
    if (row == null) {
      problems.add(RowProblem.of(at, "empty row"));
      return null;
    }
    List<RecordPath> from = paths(row.from(), at + ".from", problems);
    List<RecordPath> to = paths(row.to(), at + ".to", problems);
    Operation operation = row.operation() == null ? new Operation.Copy() : row.operation();
    if (to.isEmpty() && row.to().isEmpty()) problems.add(RowProblem.of(at + ".to", "a row needs a 'to' path"));
    for (RecordPath path : to)
      if (path.steps().getFirst() instanceof RecordPath.Index)
        problems.add(RowProblem.of(at + ".to", "'" + path.text() + "' must start with a field name: the output is an object"));
    if (row.from().isEmpty() && !(operation instanceof Operation.Value) && !(operation instanceof Operation.Expr))
      problems.add(RowProblem.of(at + ".from", "a '" + operation.action() + "' row needs a 'from' path"));
    if (row.round().isPresent() && (row.round().get() < 0 || row.round().get() > 30))
      problems.add(RowProblem.of(at + ".round", "round must be between 0 and 30 decimals"));
    Transform transform = transform(at, operation, row, problems);
    if (problems.size() > before) return null;
    return new CompiledRow(
        at + " (" + describe(operation) + ")",
        index,
        from,
        row.fromIsList(),
        to,
        transform,
        row.defaultValue().orElse(null),
        row.required(),
        row.round().orElse(-1));
  }

  private static Transform transform(String at, Operation operation, MapRow row, List<RowProblem> problems) {
    return switch (operation) {
      case Operation.Copy c -> SimpleTransforms.COPY;
      case Operation.Value v -> SimpleTransforms.value(v.value());
      case Operation.Concat c -> SimpleTransforms.concat(c.with() == null ? "" : c.with());
      case Operation.Split s -> {
        if (s.on() == null || s.on().isEmpty()) {
          problems.add(RowProblem.of(at + ".on", "split needs a non-empty 'on' separator"));
          yield null;
        }
        if (s.limit().isPresent() && s.limit().get() < 1) {
          problems.add(RowProblem.of(at + ".limit", "limit must be at least 1"));
          yield null;
        }
        yield SimpleTransforms.split(s.on(), s.limit().orElse(0));
      }
      case Operation.Lookup l -> SimpleTransforms.lookup(l.table());
      case Operation.Convert c -> convert(at, c, problems);
      case Operation.Date d -> {
        DateTransform.Result result = DateTransform.compile(d.parse(), d.zone(), d.format());
        if (result.transform().isEmpty())
          problems.add(RowProblem.of(at + "." + result.key().orElse("do"), result.message().orElse("invalid date row")));
        yield result.transform().orElse(null);
      }
      case Operation.Expr e -> {
        JsonataExpression.Parsed parsed = JsonataExpression.parseOnValue(e.expression());
        parsed.error().ifPresent(m -> problems.add(RowProblem.of(at + ".expr", "invalid JSONata: " + m)));
        yield parsed.expression().<Transform>map(x -> x::evaluate).orElse(null);
      }
    };
  }

  private static Transform convert(String at, Operation.Convert c, List<RowProblem> problems) {
    Optional<Unit<?>> from = unit(at, c.fromUnit(), problems);
    Optional<Unit<?>> to = unit(at, c.toUnit(), problems);
    if (from.isEmpty() || to.isEmpty()) return null;
    ConvertTransform transform = ConvertTransform.between(from.get(), to.get());
    if (transform == null)
      problems.add(RowProblem.of(at + ".unit", "cannot convert " + UnitCatalog.describe(c.fromUnit()) + " ("
          + c.fromUnit() + ") to " + UnitCatalog.describe(c.toUnit()) + " (" + c.toUnit() + "): they measure different things"));
    return transform;
  }

  private static Optional<Unit<?>> unit(String at, String symbol, List<RowProblem> problems) {
    Optional<Unit<?>> unit = UnitCatalog.find(symbol);
    if (unit.isEmpty()) {
      List<String> close = UnitCatalog.suggest(symbol);
      String message = "unknown unit '" + symbol + "'" + (close.isEmpty() ? "" : " (did you mean '" + close.getFirst() + "'?)");
      problems.add(new RowProblem(at + ".unit", message, close.stream().findFirst()));
    }
    return unit;
  }

  private static List<RecordPath> paths(List<String> texts, String at, List<RowProblem> problems) {
    List<RecordPath> paths = new ArrayList<>(texts.size());
    for (int i = 0; i < texts.size(); i++) {
      RecordPath.Parsed parsed = RecordPath.parse(texts.get(i));
      String where = texts.size() == 1 ? at : at + "[" + i + "]";
      parsed.error().ifPresent(e -> problems.add(RowProblem.of(where, e)));
      parsed.path().ifPresent(paths::add);
    }
    return paths;
  }

  /** The operation as reasons name it: "convert lb -> kg", "split on ', '", "expr $lowercase($)". */
  private static String describe(Operation operation) {
    return switch (operation) {
      case Operation.Convert c -> "convert " + c.fromUnit() + " -> " + c.toUnit();
      case Operation.Concat c -> "concat with '" + c.with() + "'";
      case Operation.Split s -> "split on '" + s.on() + "'";
      case Operation.Date d -> "date";
      case Operation.Expr e -> "expr " + (e.expression().length() > 40 ? e.expression().substring(0, 37) + "..." : e.expression());
      default -> operation.action();
    };
  }
}
