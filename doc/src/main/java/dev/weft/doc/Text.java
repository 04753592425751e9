package dev.weft.doc;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A run of inline text in the document: plain words, code, and the two marks the document adds
 * itself ("Not specified" for a gap, and a hidden literal secret). The writers escape every span.
 */
record Text(List<Span> spans) {

  static final String NOT_SPECIFIED = "Not specified";
  static final String HIDDEN = "•••• (literal value hidden)";

  Text {
    spans = List.copyOf(spans);
  }

  sealed interface Span {}

  record Plain(String text) implements Span {}

  record Code(String text) implements Span {}

  record Strong(String text) implements Span {}

  /** A part of the template the spec leaves empty. */
  record Missing() implements Span {}

  /** A literal password, token, key or passphrase, never shown. */
  record Hidden() implements Span {}

  static Text plain(String text) {
    return new Text(List.of(new Plain(text)));
  }

  static Text code(String text) {
    return new Text(List.of(new Code(text)));
  }

  static Text missing() {
    return new Text(List.of(new Missing()));
  }

  static Text hidden() {
    return new Text(List.of(new Hidden()));
  }

  /** The value as plain text, or "Not specified" when it is absent or blank. */
  static Text orMissing(Optional<String> value) {
    return value.filter(v -> !v.isBlank()).map(v -> plain(v.strip())).orElseGet(Text::missing);
  }

  static Text join(List<Text> parts, String separator) {
    Builder b = builder();
    for (int i = 0; i < parts.size(); i++) {
      if (i > 0) b.plain(separator);
      b.add(parts.get(i));
    }
    return b.build();
  }

  boolean isEmpty() {
    return spans.isEmpty();
  }

  static Builder builder() {
    return new Builder();
  }

  static final class Builder {
    private final List<Span> spans = new ArrayList<>();

    Builder plain(String text) {
      if (!text.isEmpty()) spans.add(new Plain(text));
      return this;
    }

    Builder code(String text) {
      spans.add(new Code(text));
      return this;
    }

    Builder strong(String text) {
      spans.add(new Strong(text));
      return this;
    }

    Builder missing() {
      spans.add(new Missing());
      return this;
    }

    Builder add(Text text) {
      spans.addAll(text.spans());
      return this;
    }

    boolean isEmpty() {
      return spans.isEmpty();
    }

    Text build() {
      return new Text(spans);
    }
  }
}
