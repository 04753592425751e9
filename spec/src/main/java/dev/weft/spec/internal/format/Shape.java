package dev.weft.spec.internal.format;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The shape of a value in the spec. The structure check, the JSON Schema and the reference tables
 * are all derived from these declarations.
 */
public sealed interface Shape {

  /** Words for messages and the reference: "text", "a list of text", ... */
  String describe();

  /** Text (numbers are accepted as text). {@code pattern} is a Java and JSON Schema regex. */
  record Text(Optional<String> pattern, String hint) implements Shape {
    public String describe() {
      return pattern.isPresent() ? hint : "text";
    }
  }

  record Int(Optional<Long> min) implements Shape {
    public String describe() {
      return "a whole number" + min.map(m -> " (at least " + m + ")").orElse("");
    }
  }

  record Bool() implements Shape {
    public String describe() {
      return "true or false";
    }
  }

  record Word(List<String> words) implements Shape {
    public Word {
      words = List.copyOf(words);
    }

    public String describe() {
      return "one of " + String.join(", ", words);
    }
  }

  record ListOf(Shape item, int minItems, Optional<Integer> maxItems) implements Shape {
    public String describe() {
      String size = maxItems.filter(m -> m == minItems).map(m -> m + " ").orElse("");
      return "a list of " + size + plural(item.describe());
    }
  }

  /** A mapping whose keys are names chosen by the user. */
  record MapOf(Shape value, String keyMeaning, int minEntries) implements Shape {
    public String describe() {
      return "a mapping of " + (minEntries > 0 ? "at least " + minEntries + " " : "") + keyMeaning + " to " + value.describe();
    }
  }

  /** A mapping with declared keys; {@code name} titles its table in the reference. */
  record Obj(String name, String doc, List<Key> keys) implements Shape {
    public Obj {
      keys = List.copyOf(keys);
    }

    public String describe() {
      return name;
    }

    public Optional<Key> key(String keyName) {
      return keys.stream().filter(k -> k.name().equals(keyName)).findFirst();
    }

    public List<String> keyNames() {
      return keys.stream().map(Key::name).toList();
    }
  }

  record AnyOf(List<Shape> options) implements Shape {
    public AnyOf {
      options = List.copyOf(options);
    }

    public String describe() {
      return options.stream().map(Shape::describe).collect(Collectors.joining(" or "));
    }
  }

  /** Anything (free-form data such as test records). */
  record Any(String meaning) implements Shape {
    public String describe() {
      return meaning;
    }
  }

  private static String plural(String s) {
    if (s.startsWith("a ")) return s.substring(2) + "s";
    if (s.startsWith("an ")) return s.substring(3) + "s";
    return s;
  }
}
