package dev.weft.spec.internal;

import dev.weft.model.Problem;
import dev.weft.model.Problem.Position;
import dev.weft.model.Problem.Severity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Collects the problems of one file. Knows the YAML node at each spec path, so that a check that
 * works on the bound model can still point at the line and column of what it complains about.
 */
public final class Problems {
  private final String file;
  private final Set<Problem> found = new LinkedHashSet<>();
  private final Map<String, Node> nodes = new HashMap<>();
  private final Map<String, Node> keys = new HashMap<>();

  public Problems(String file) {
    this.file = file;
  }

  public String file() {
    return file;
  }

  /** Remembers the value node at {@code path} and, when there is one, its key node. */
  public void index(String path, Node value, Optional<Node> key) {
    nodes.putIfAbsent(path, value);
    key.ifPresent(k -> keys.putIfAbsent(path, k));
  }

  public Optional<Node> node(String path) {
    return Optional.ofNullable(nodes.get(path));
  }

  public void error(String path, String message) {
    add(Severity.ERROR, path, message, positionOf(path), Optional.empty());
  }

  public void error(String path, String message, Optional<String> suggestion) {
    add(Severity.ERROR, path, message, positionOf(path), suggestion);
  }

  public void warning(String path, String message) {
    add(Severity.WARNING, path, message, positionOf(path), Optional.empty());
  }

  /** An error placed at a node (used while walking the tree). */
  public void errorAt(Node node, String path, String message, Optional<String> suggestion) {
    add(Severity.ERROR, path, message, position(node), suggestion);
  }

  /** An error placed at the key of {@code path} (unknown or duplicate keys). */
  public void errorAtKey(String path, String message, Optional<String> suggestion) {
    Node key = keys.get(path);
    add(Severity.ERROR, path, message, key == null ? positionOf(path) : position(key), suggestion);
  }

  public void errorAt(int line, int column, String path, String message) {
    add(Severity.ERROR, path, message, new Position(file, line, column), Optional.empty());
  }

  private void add(Severity severity, String path, String message, Position at, Optional<String> suggestion) {
    found.add(new Problem(severity, path, message, at, suggestion));
  }

  /** Whether an error was reported at {@code path} or below it. */
  public boolean hasErrorWithin(String path) {
    return found.stream().anyMatch(p -> p.severity() == Severity.ERROR
        && (p.path().equals(path) || p.path().startsWith(path + ".") || p.path().startsWith(path + "[")));
  }

  public boolean hasErrors() {
    return found.stream().anyMatch(p -> p.severity() == Severity.ERROR);
  }

  /** Problems sorted by position, so the output reads top to bottom. */
  public List<Problem> all() {
    List<Problem> sorted = new ArrayList<>(found);
    sorted.sort(
        java.util.Comparator.comparingInt((Problem p) -> p.position().line())
            .thenComparingInt(p -> p.position().column())
            .thenComparing(Problem::path));
    return sorted;
  }

  /** The position of the node at {@code path}, or of its nearest ancestor that has one. */
  public Position positionOf(String path) {
    String p = path;
    while (true) {
      Node n = nodes.get(p);
      if (n != null) return position(n);
      int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
      if (cut <= 0) return nodes.containsKey("") ? position(nodes.get("")) : new Position(file, 1, 1);
      p = p.substring(0, cut);
    }
  }

  public Position position(Node node) {
    return node.getStartMark()
        .map(m -> new Position(file, m.getLine() + 1, m.getColumn() + 1))
        .orElse(Position.unknown(file));
  }
}
