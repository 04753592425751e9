package dev.weft.mapping.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.dashjoin.jsonata.Jsonata;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The shortcut gives JSONata's own result for every input it takes, and leaves the rest to JSONata. */
class ValueShortcutTest {

  private static final List<String> EXPRESSIONS = List.of(
      "$lowercase($)", "$uppercase($)", "$trim($)", "$number($) / 100", "$number($) * 2.5", "$ * 3",
      "$ / 7", " $number( $ ) /1000 ", "$number($) * 0.001", "$ / 10000", "$number($) / 100000000", "$number($) / 10");

  @Property(tries = 3000)
  void agreesWithJsonata(@ForAll("expressions") String expression, @ForAll("inputs") Object input) {
    ValueShortcut shortcut = ValueShortcut.of(expression).orElseThrow();
    Object fast = shortcut.apply(input);
    Object slow;
    try {
      slow = JsonataExpression.plain(Jsonata.jsonata(expression).evaluate(input));
    } catch (RuntimeException e) {
      assertThat(fast).as("JSONata fails on %s", input).isSameAs(ValueShortcut.NOT_HANDLED);
      return;
    }
    if (fast != ValueShortcut.NOT_HANDLED) {
      assertThat(fast).isEqualTo(slow);
      if (fast != null) assertThat(fast.getClass()).isEqualTo(slow.getClass());
    }
  }

  @Test
  void commonInputsAreHandled() {
    assertThat(ValueShortcut.of("$number($) / 100").orElseThrow().apply("1999")).isEqualTo(new BigDecimal("19.99"));
    assertThat(ValueShortcut.of("$number($) / 100").orElseThrow().apply("2000")).isEqualTo(20L);
    assertThat(ValueShortcut.of("$lowercase($)").orElseThrow().apply("A@B.Com")).isEqualTo("a@b.com");
    assertThat(ValueShortcut.of("$ * 2").orElseThrow().apply(21L)).isEqualTo(42L);
  }

  @Test
  void otherExpressionsAndInputsAreLeftToJsonata() throws RowFailure {
    assertThat(ValueShortcut.of("$lowercase($$.a)")).isEmpty();
    assertThat(ValueShortcut.of("$ / 0")).isEmpty();
    assertThat(ValueShortcut.of("$number($) + 1")).isEmpty();
    assertThat(ValueShortcut.of("$lowercase($)").orElseThrow().apply(null)).isSameAs(ValueShortcut.NOT_HANDLED);
    assertThat(ValueShortcut.of("$number($) / 100").orElseThrow().apply("0x10")).isSameAs(ValueShortcut.NOT_HANDLED);
    JsonataExpression e = JsonataExpression.parseOnValue("$number($) / 100").expression().orElseThrow();
    assertThat(e.evaluate("0x10", Map.of(), Map.of())).isEqualTo(new BigDecimal("0.16"));
  }

  @Provide
  Arbitrary<String> expressions() {
    return Arbitraries.of(EXPRESSIONS);
  }

  @Provide
  Arbitrary<Object> inputs() {
    return Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(12).map(s -> (Object) s),
        Arbitraries.strings().withChars("0123456789-.eE+x ").ofMaxLength(16).map(s -> (Object) s),
        Arbitraries.longs().map(l -> (Object) String.valueOf(l)),
        Arbitraries.longs().between(-2_000_000, 2_000_000).map(l -> (Object) String.valueOf(l)),
        Arbitraries.longs().between(-2_000_000, 2_000_000).map(l -> (Object) l),
        Arbitraries.longs().between(-999_999_999_999L, 999_999_999_999L).map(l -> (Object) String.valueOf(l)),
        Arbitraries.longs().between(-100_000_000_000_000L, 100_000_000_000_000L).map(l -> (Object) l),
        Arbitraries.longs().map(l -> (Object) l),
        Arbitraries.bigDecimals().ofScale(4).between(new BigDecimal("-1e14"), new BigDecimal("1e14")).map(d -> (Object) d.toPlainString()),
        Arbitraries.doubles().map(d -> (Object) d),
        Arbitraries.doubles().map(d -> (Object) String.valueOf(d)),
        Arbitraries.of(true, false).map(b -> (Object) b),
        Arbitraries.just((Object) null),
        Arbitraries.just((Object) List.of("A", " b ")),
        Arbitraries.just((Object) List.of(1L, 2L)));
  }
}
