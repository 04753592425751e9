package dev.weft.spec.internal.format;

import java.util.Objects;

/** One key of a mapping in the spec: its name, shape, whether it is required, meaning and an example. */
public record Key(String name, Shape shape, boolean required, String doc, String example) {
  public Key {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(shape, "shape");
    Objects.requireNonNull(doc, "doc");
    Objects.requireNonNull(example, "example");
  }
}
