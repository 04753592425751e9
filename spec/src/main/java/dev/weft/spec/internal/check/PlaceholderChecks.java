package dev.weft.spec.internal.check;

import dev.weft.model.ConfigOption;
import dev.weft.model.Placeholder;
import dev.weft.spec.internal.format.Suggestions;
import dev.weft.spec.internal.yaml.Paths;
import dev.weft.spec.internal.yaml.Scalars;
import dev.weft.spec.internal.yaml.YamlReader;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * {@code ${config.X}} must name a declared config option; {@code ${secret.X}} and {@code ${env.X}}
 * are checked when a run starts; any other kind is an error.
 */
final class PlaceholderChecks {
  private PlaceholderChecks() {}

  static void run(Context c) {
    List<String> keys = c.spec().config().stream().map(ConfigOption::key).toList();
    walk(c, keys, c.root(), "", 0);
  }

  /** JSONata sees the config as {@code $config}: {@code $config.statuses} must be declared too. */
  private static void jsonataConfig(Context c, List<String> keys, String text, String path) {
    java.util.regex.Matcher m = JSONATA_CONFIG.matcher(text);
    while (m.find()) {
      String name = m.group(1);
      if (keys.contains(name)) continue;
      Optional<String> suggestion = Suggestions.closest(name, keys);
      c.problems().error(path, "'$config." + name + "' names no config option declared under 'config'" + Suggestions.hint(suggestion), suggestion);
    }
  }

  private static void walk(Context c, List<String> keys, Node node, String path, int depth) {
    if (depth > YamlReader.MAX_DEPTH) return;
    switch (node) {
      case ScalarNode s when Scalars.kind(s) == Scalars.Kind.TEXT -> check(c, keys, s.getValue(), path);
      case MappingNode m -> {
        for (NodeTuple t : m.getValue()) {
          if (t.getKeyNode() instanceof ScalarNode k) walk(c, keys, t.getValueNode(), Paths.key(path, k.getValue()), depth + 1);
        }
      }
      case SequenceNode seq -> {
        for (int i = 0; i < seq.getValue().size(); i++) walk(c, keys, seq.getValue().get(i), Paths.index(path, i), depth + 1);
      }
      default -> {}
    }
  }

  private static final java.util.regex.Pattern JSONATA_CONFIG = java.util.regex.Pattern.compile("\\$config\\.([A-Za-z_][A-Za-z0-9_]*)");

  private static void check(Context c, List<String> keys, String text, String path) {
    if (path.endsWith(".filter") || path.endsWith(".expr")) jsonataConfig(c, keys, text, path);
    if (!text.contains("${")) return;
    for (String kind : Placeholder.unknownKinds(text)) {
      Optional<String> suggestion = Suggestions.closest(kind, List.of("config", "secret", "env"));
      c.problems().error(path, "unknown placeholder kind '" + kind + "' in '" + text + "': use ${config.X}, ${secret.X} or ${env.X}"
          + Suggestions.hint(suggestion), suggestion);
    }
    for (Placeholder p : Placeholder.findAll(text)) {
      if (p.kind() == Placeholder.Kind.CONFIG && !keys.contains(p.name())) {
        Optional<String> suggestion = Suggestions.closest(p.name(), keys);
        c.problems().error(path, "'" + p + "' names no config option declared under 'config'" + Suggestions.hint(suggestion), suggestion);
      }
    }
  }
}
