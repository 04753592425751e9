package dev.weft.engine;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Hides the secret values a run resolved from any text it logs, stores or shows. */
public final class Redactor {
  private static final int SHORTEST = 3;
  private final List<String> secrets;

  Redactor(Set<String> secrets) {
    this.secrets =
        new LinkedHashSet<>(secrets).stream()
            .filter(s -> s.length() >= SHORTEST)
            .sorted(Comparator.comparingInt(String::length).reversed())
            .toList();
  }

  public static Redactor none() {
    return new Redactor(Set.of());
  }

  public String redact(String text) {
    if (text == null) return "";
    String out = text;
    for (String secret : secrets) out = out.replace(secret, "***");
    return out;
  }
}
