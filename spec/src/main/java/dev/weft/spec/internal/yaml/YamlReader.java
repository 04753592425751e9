package dev.weft.spec.internal.yaml;

import dev.weft.spec.internal.Problems;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.schema.JsonSchema;

/**
 * Reads YAML 1.2 into a node tree that keeps line and column of every node. Uses the JSON schema
 * of YAML 1.2, so only {@code true} and {@code false} are booleans and dates stay text. Bad input
 * (malformed YAML, alias bombs, deep nesting, huge files, duplicate keys) becomes problems.
 */
public final class YamlReader {
  public static final int MAX_CODE_POINTS = 5 * 1024 * 1024;
  public static final int MAX_DEPTH = 64;
  public static final int MAX_ALIASES = 50;

  private YamlReader() {}

  public static Optional<Node> read(String text, Problems problems) {
    if (text.length() > MAX_CODE_POINTS) {
      problems.errorAt(1, 1, "", "the file is larger than 5 MB; a spec is a few hundred lines");
      return Optional.empty();
    }
    LoadSettings settings =
        LoadSettings.builder()
            .setLabel(problems.file())
            .setSchema(new JsonSchema())
            .setMaxAliasesForCollections(MAX_ALIASES)
            .setAllowRecursiveKeys(false)
            .setAllowNonScalarKeys(true) // reported below with a position
            .setCodePointLimit(MAX_CODE_POINTS)
            .setAllowDuplicateKeys(true) // reported below with the second key's position
            .build();
    try {
      if (!depthWithinLimit(settings, text, problems)) return Optional.empty();
      Iterable<Node> documents = new Compose(settings).composeAllFromString(text);
      Optional<Node> first = Optional.empty();
      int count = 0;
      for (Node doc : documents) {
        if (++count == 1) first = Optional.of(doc);
        else {
          problems.errorAt(doc, "", "a spec file holds one YAML document; found a second one", Optional.empty());
          break;
        }
      }
      first.ifPresent(root -> reportDuplicateKeys(root, "", problems, 0));
      if (first.isEmpty()) problems.errorAt(1, 1, "", "the file is empty");
      return first;
    } catch (MarkedYamlEngineException e) {
      Mark at = e.getProblemMark().or(e::getContextMark).orElse(null);
      String message = plain(e.getProblem() == null ? e.getContext() : e.getProblem());
      if (at == null) problems.errorAt(1, 1, "", "not valid YAML: " + message);
      else problems.errorAt(at.getLine() + 1, at.getColumn() + 1, "", "not valid YAML: " + message);
      return Optional.empty();
    } catch (YamlEngineException e) {
      problems.errorAt(1, 1, "", "not valid YAML: " + plain(e.getMessage()));
      return Optional.empty();
    }
  }

  /** Deep nesting would overflow the composer's stack, so the events are counted first. */
  private static boolean depthWithinLimit(LoadSettings settings, String text, Problems problems) {
    int depth = 0;
    for (Event event : new Parse(settings).parseString(text)) {
      switch (event.getEventId()) {
        case MappingStart, SequenceStart -> {
          if (++depth > MAX_DEPTH) {
            Mark at = event.getStartMark().orElse(null);
            String message = "nesting deeper than " + MAX_DEPTH + " levels; a spec needs far fewer";
            if (at == null) problems.errorAt(1, 1, "", message);
            else problems.errorAt(at.getLine() + 1, at.getColumn() + 1, "", message);
            return false;
          }
        }
        case MappingEnd, SequenceEnd -> depth--;
        default -> {}
      }
    }
    return true;
  }

  private static String plain(String message) {
    if (message == null) return "unreadable input";
    String m = message.strip();
    if (m.startsWith("Number of aliases for non-scalar nodes exceeds")) {
      return "too many aliases (more than " + MAX_ALIASES + "); an alias bomb is refused";
    }
    if (m.startsWith("The incoming YAML document exceeds the limit")) {
      return "the file is larger than 5 MB";
    }
    return m;
  }

  private static void reportDuplicateKeys(Node node, String path, Problems problems, int depth) {
    if (depth > MAX_DEPTH) return; // aliases can make cycles; the depth bound ends the walk
    if (node instanceof MappingNode map) {
      Map<String, Node> seen = new HashMap<>();
      for (NodeTuple t : map.getValue()) {
        Node key = t.getKeyNode();
        if (!(key instanceof ScalarNode sk)) {
          problems.errorAt(key, path, "a key must be plain text, not a list or mapping", Optional.empty());
          continue;
        }
        String k = sk.getValue();
        String child = Paths.key(path, k);
        if (seen.containsKey(k)) {
          int line = seen.get(k).getStartMark().map(m -> m.getLine() + 1).orElse(0);
          problems.errorAt(key, child, "duplicate key '" + k + "' (first defined on line " + line + ")", Optional.empty());
        } else {
          seen.put(k, key);
        }
        reportDuplicateKeys(t.getValueNode(), child, problems, depth + 1);
      }
    } else if (node instanceof SequenceNode seq) {
      List<Node> items = seq.getValue();
      for (int i = 0; i < items.size(); i++) reportDuplicateKeys(items.get(i), Paths.index(path, i), problems, depth + 1);
    }
  }
}
