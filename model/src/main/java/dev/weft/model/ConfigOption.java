package dev.weft.model;

import java.util.List;
import java.util.Optional;

/** One option a customer sets when switching the integration on (the config wizard). */
public record ConfigOption(
    String key,
    Optional<String> label,
    Type type,
    boolean required,
    Optional<Object> defaultValue,
    List<String> options,
    Optional<String> help) {

  public ConfigOption {
    options = List.copyOf(options);
  }

  public String displayLabel() {
    return label.orElse(key);
  }

  public enum Type {
    STRING("string"),
    SECRET("secret"),
    NUMBER("number"),
    BOOLEAN("boolean"),
    URL("url"),
    EMAIL("email"),
    /** Several of {@code options} may be chosen. */
    LIST("list"),
    /** One of {@code options} is chosen. */
    CHOICE("choice");

    private final String key;

    Type(String key) {
      this.key = key;
    }

    public String key() {
      return key;
    }

    public static Optional<Type> of(String key) {
      for (Type t : values()) if (t.key.equals(key)) return Optional.of(t);
      return Optional.empty();
    }
  }
}
