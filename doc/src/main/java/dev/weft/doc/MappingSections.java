package dev.weft.doc;

import dev.weft.doc.Block.Heading;
import dev.weft.doc.Block.Paragraph;
import dev.weft.doc.Block.Table;
import dev.weft.model.ErrorPolicy;
import dev.weft.model.Flow;
import dev.weft.model.MapRow;
import dev.weft.model.MapRow.Operation;
import dev.weft.model.Spec;
import dev.weft.model.Sync;
import java.util.ArrayList;
import java.util.List;

/** "Data mapping" and "Other data modifications", one table per flow (both directions of a sync). */
final class MappingSections {
  private static final String NONE = "—";

  private MappingSections() {}

  /** One direction of a flow's mapping: where from, where to, and the rows. */
  private record Direction(MapSide source, MapSide target, List<MapRow> rows, boolean namesSystem) {}

  private static List<Direction> directions(Spec spec, Flow flow) {
    return switch (flow.body()) {
      case Flow.Pipeline p -> List.of(new Direction(MapSide.of(spec, p.source()), MapSide.of(spec, p.target()), p.map(), false));
      case Sync s -> List.of(
          new Direction(MapSide.of(spec, s.a()), MapSide.of(spec, s.b()), s.aToB(), true),
          new Direction(MapSide.of(spec, s.b()), MapSide.of(spec, s.a()), s.bToA(), true));
    };
  }

  static void dataMapping(Spec spec, List<Block> out) {
    out.add(new Heading(2, Outline.SECTIONS.get(7)));
    for (Flow flow : spec.flows()) {
      out.add(new Heading(3, flow.displayName()));
      List<List<Text>> rows = new ArrayList<>();
      for (Direction d : directions(spec, flow)) {
        for (MapRow row : d.rows()) {
          boolean fixed = row.operation() instanceof Operation.Value;
          Text sourceSystem = Text.plain(fixed ? NONE : d.source().system());
          Text sourceField = fixed ? fixedValue((Operation.Value) row.operation()) : sources(d.source(), row);
          List<String> targets = row.to().isEmpty() ? List.of("") : row.to();
          for (String to : targets) {
            rows.add(List.of(sourceSystem, sourceField, Text.plain(d.target().system()), to.isEmpty() ? Text.missing() : d.target().field(to)));
          }
        }
      }
      out.add(new Table(List.of("Source System", "Source Field/File", "Target System", "Target Field/File"), rows));
    }
  }

  static void modifications(Spec spec, List<Block> out) {
    out.add(new Heading(2, Outline.SECTIONS.get(8)));
    for (Flow flow : spec.flows()) {
      out.add(new Heading(3, flow.displayName()));
      List<List<Text>> rows = new ArrayList<>();
      if (flow.body() instanceof Flow.Pipeline p) {
        p.source().filter().filter(f -> !f.isBlank()).ifPresent(f -> rows.add(List.of(
            Text.plain("Each record of " + MapSide.name(spec, p.source().system())),
            Text.builder().plain("Records are kept only when ").code(f.strip()).build(),
            Text.plain("Other records are not sent"))));
      }
      ErrorPolicy.InvalidRecords invalid = flow.errors().invalidRecords();
      for (Direction d : directions(spec, flow)) {
        for (MapRow row : d.rows()) {
          if (!ModificationWords.modifies(row)) continue;
          Text.Builder source = Text.builder();
          if (d.namesSystem()) source.plain(d.source().system() + ": ");
          source.add(row.from().isEmpty() ? Text.plain(NONE) : FlowWords.codes(row.from()));
          Text result = row.to().isEmpty() ? Text.missing() : FlowWords.codes(row.to());
          if (d.namesSystem()) result = Text.builder().plain(d.target().system() + ": ").add(result).build();
          rows.add(List.of(source.build(), ModificationWords.action(row, invalid), result));
        }
      }
      if (rows.isEmpty()) out.add(new Paragraph(Text.plain("None: every field is copied as it is.")));
      else out.add(new Table(List.of("Source Field/File", "Action Performed", "Result"), rows));
    }
  }

  private static Text sources(MapSide side, MapRow row) {
    if (row.from().isEmpty()) return Text.missing();
    return Text.join(row.from().stream().map(side::field).toList(), ", ");
  }

  private static Text fixedValue(Operation.Value value) {
    Object v = value.value();
    if (v instanceof String s && SecretText.isReference(s)) return Text.builder().plain("value ").code(s).build();
    return Text.plain("value " + Values.literal(v));
  }
}
