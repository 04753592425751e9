package dev.weft.spec.internal.format;

import dev.weft.spec.internal.format.Shape.AnyOf;
import dev.weft.spec.internal.format.Shape.ListOf;
import dev.weft.spec.internal.format.Shape.MapOf;
import dev.weft.spec.internal.format.Shape.Obj;
import java.util.Optional;

/**
 * The key tables of {@code docs/spec-reference.md}, generated from the declarations. The
 * hand-written prose around them stays; only the part between the markers is replaced.
 */
public final class ReferenceWriter {
  public static final String START = "<!-- generated key tables: start (generated from the declarations in spec/; refresh with: ./mvnw -pl spec -am verify -Dtest=DocsAreFreshTest -Dweft.regen=true) -->";
  public static final String END = "<!-- generated key tables: end -->";

  private ReferenceWriter() {}

  public static String tables() {
    StringBuilder out = new StringBuilder();
    for (Obj o : SpecFormat.ALL) {
      out.append("### ").append(title(o)).append("\n\n"); // GitHub's anchor of this heading is the link used below
      out.append(o.doc()).append("\n\n");
      out.append("| key | type | required | meaning | example |\n");
      out.append("|---|---|---|---|---|\n");
      for (Key k : o.keys()) {
        out.append("| `").append(k.name()).append("` | ")
            .append(cell(type(k.shape()))).append(" | ")
            .append(k.required() ? "yes" : "no").append(" | ")
            .append(cell(k.doc())).append(" | `")
            .append(k.example().replace("|", "\\|")).append("` |\n");
      }
      out.append("\n");
    }
    out.append("### Auth methods\n\n");
    out.append("The keys of `auth` for each `method` (besides `method` and `scope`), and the connection kinds it fits.\n\n");
    out.append("| method | needs | may also have | fits |\n|---|---|---|---|\n");
    for (AuthMethods.Method m : AuthMethods.ALL) {
      out.append("| `").append(m.name()).append("` | ").append(codes(m.required())).append(" | ")
          .append(codes(m.optional())).append(" | ")
          .append(String.join(", ", m.kinds().stream().map(k -> k.key()).toList())).append(" |\n");
    }
    out.append("\n");
    return out.toString();
  }

  /** Replaces the generated part of a reference document (between the markers) with fresh tables. */
  public static Optional<String> refresh(String document) {
    int start = document.indexOf(START);
    int end = document.indexOf(END);
    if (start < 0 || end < start) return Optional.empty();
    return Optional.of(document.substring(0, start + START.length()) + "\n\n" + tables() + document.substring(end));
  }

  private static String title(Obj o) {
    return Character.toUpperCase(o.name().charAt(0)) + o.name().substring(1);
  }

  private static String type(Shape shape) {
    return switch (shape) {
      case Obj o -> "[" + o.name() + "](#" + JsonSchemaWriter.defName(o).replace('_', '-') + ")";
      case ListOf l -> "list of " + type(l.item()) + (l.minItems() > 0 ? " (at least " + l.minItems() + ")" : "");
      case MapOf m -> "map of " + m.keyMeaning() + " to " + type(m.value());
      case AnyOf a -> String.join(" or ", a.options().stream().map(ReferenceWriter::type).toList());
      default -> shape.describe();
    };
  }

  private static String codes(java.util.List<String> keys) {
    return keys.isEmpty() ? "—" : String.join(", ", keys.stream().map(k -> "`" + k + "`").toList());
  }

  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }
}
