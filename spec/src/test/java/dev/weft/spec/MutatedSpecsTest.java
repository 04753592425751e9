package dev.weft.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever is done to a valid spec, the loader answers with problems, never an exception. */
class MutatedSpecsTest {
  static final String VALID = read(Path.of("../examples/shop-orders-to-ledger.yaml"));
  static final List<String> TOKENS = List.of(":", "- ", "{", "}", "[", "]", ",", "\"", "'", "&a ", "*a", "!!int ", "? ", "|", ">",
      "\t", "  ", "\n", "#", "${config.x}", "${foo.y}", "~", "null", "yes", "1e9", "-", "every 0 h", "GET", "@", "%", "\u00e9", "\uD83D\uDE00");

  record Mutation(int kind, int at, int length, String token) {}

  @Provide
  Arbitrary<List<Mutation>> mutations() {
    Arbitrary<Mutation> one = Combinators.combine(
        Arbitraries.integers().between(0, 4),
        Arbitraries.integers().between(0, VALID.length()),
        Arbitraries.integers().between(1, 40),
        Arbitraries.of(TOKENS)).as(Mutation::new);
    return one.list().ofMinSize(1).ofMaxSize(6);
  }

  @Property(tries = 250)
  void theLoaderNeverThrows(@ForAll("mutations") List<Mutation> mutations) {
    String text = VALID;
    for (Mutation m : mutations) text = apply(text, m);
    LoadResult result = SpecLoader.load("mutated.yaml", text);
    assertThat(result.spec().isPresent()).isEqualTo(result.ok());
    assertThat(result.problems()).noneMatch(p -> p.message().startsWith("internal error"));
  }

  static String apply(String text, Mutation m) {
    int at = Math.min(m.at(), text.length());
    int end = Math.min(text.length(), at + m.length());
    return switch (m.kind()) {
      case 0 -> text.substring(0, at) + text.substring(end); // delete
      case 1 -> text.substring(0, at) + m.token() + text.substring(at); // insert
      case 2 -> text.substring(0, at) + m.token() + text.substring(end); // replace
      case 3 -> swapLines(text, at, end);
      default -> text.substring(0, end) + text.substring(at, end) + text.substring(end); // duplicate
    };
  }

  static String swapLines(String text, int a, int b) {
    List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
    int i = a % lines.size();
    int j = b % lines.size();
    String tmp = lines.get(i);
    lines.set(i, lines.get(j));
    lines.set(j, tmp);
    return String.join("\n", lines);
  }

  static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
