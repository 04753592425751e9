package dev.weft.mapping;

import static dev.weft.mapping.Rows.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.MapRow;
import dev.weft.model.MapRow.Operation;
import dev.weft.model.RecordPath;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class MappingPropertiesTest {

  private static final RecordMapping EVERY_OPERATION = RecordMapping.compile(List.of(
        copy("a", "a"),
        row(List.of("a", "b"), "joined", new Operation.Concat(" ")),
        toMany(row("b", "x", new Operation.Split(",", Optional.of(2))), List.of("b1", "b2")),
        withRound(row("c", "c_kg", new Operation.Convert("lb", "kg")), 2),
        row("d", "d", new Operation.Date(Optional.empty(), Optional.of("Europe/Berlin"), Optional.empty())),
        row("a", "looked", new Operation.Lookup(Map.of("1", "one"))),
        row("c", "e", new Operation.Expr("$ * 2 + $count($$.b)")),
        required(withRound(copy("b", "r"), 1))),
        Optional.of("$exists(a) or $number(c) > 0")).mapping().orElseThrow();

  @Property
  void copyRoundTripsAnyValueAtAnyPath(@ForAll("paths") String path, @ForAll("values") Object value) {
    RecordPath at = RecordPath.of(path);
    Map<String, Object> input = new LinkedHashMap<>();
    at.set(input, value);
    Map<String, Object> out = map(mapping(copy(path, path)), input);
    assertThat(at.get(out)).isEqualTo(value);
    assertThat(out).isEqualTo(input);
  }

  /** With one part the single target would receive the list of parts, so at least two. */
  @Property
  void splitUndoesConcatForPartsWithoutTheSeparator(
      @ForAll @Size(min = 2, max = 5) List<@net.jqwik.api.constraints.AlphaChars String> parts,
      @ForAll("separators") String separator) {
    List<String> fields = new ArrayList<>();
    Map<String, Object> input = new LinkedHashMap<>();
    for (int i = 0; i < parts.size(); i++) {
      fields.add("p" + i);
      input.put("p" + i, parts.get(i));
    }
    Map<String, Object> joined = map(mapping(row(fields, "joined", new Operation.Concat(separator))), input);
    MapRow split = toMany(row("joined", "x", new Operation.Split(separator, Optional.empty())), fields);
    assertThat(map(mapping(split), joined)).isEqualTo(input);
  }

  @Property
  void convertingThereAndBackGivesTheValueBack(
      @ForAll("compatibleUnits") String[] units, @ForAll @BigRange(min = "-1000000", max = "1000000") BigDecimal value) {
    RecordMapping there = mapping(row("v", "v", new Operation.Convert(units[0], units[1])));
    RecordMapping back = mapping(row("v", "v", new Operation.Convert(units[1], units[0])));
    BigDecimal result = (BigDecimal) map(back, map(there, record("v", value))).get("v");
    BigDecimal tolerance = value.abs().max(BigDecimal.ONE).multiply(new BigDecimal("1e-25"), MathContext.DECIMAL128);
    assertThat(result.subtract(value).abs()).isLessThanOrEqualTo(tolerance);
  }

  @Property
  void roundedConversionsAreRoundedHalfUp(@ForAll @BigRange(min = "0", max = "100000") BigDecimal pounds, @ForAll @IntRange(min = 0, max = 6) int round) {
    RecordMapping mapping = mapping(withRound(row("lb", "kg", new Operation.Convert("lb", "kg")), round));
    BigDecimal expected = pounds.multiply(new BigDecimal("0.45359237")).setScale(round, java.math.RoundingMode.HALF_UP);
    assertThat(map(mapping, record("lb", pounds.toPlainString())).get("kg")).isEqualTo(expected);
  }

  @Property
  void applyNeverThrowsWhateverTheRecordHolds(@ForAll("records") Map<String, Object> input) {
    Outcome outcome = EVERY_OPERATION.apply(input, Map.of());
    assertThat(outcome).isNotNull();
    if (outcome instanceof Outcome.Invalid invalid) assertThat(invalid.reason()).matches("(map\\[\\d\\]|filter).*");
  }

  @Provide
  Arbitrary<String> paths() {
    Arbitrary<String> field = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(6);
    Arbitrary<String> step = Arbitraries.oneOf(field.map(f -> "." + f), Arbitraries.integers().between(0, 3).map(i -> "[" + i + "]"));
    return Combinators.combine(field, step.list().ofMaxSize(3)).as((first, rest) -> first + String.join("", rest));
  }

  @Provide
  Arbitrary<Object> values() {
    return jsonValue(3);
  }

  private Arbitrary<Object> jsonValue(int depth) {
    Arbitrary<Object> scalar = Arbitraries.oneOf(
        Arbitraries.just(null),
        Arbitraries.strings().ofMaxLength(12).map(s -> (Object) s),
        Arbitraries.longs().map(l -> (Object) l),
        Arbitraries.bigDecimals().ofScale(3).map(d -> (Object) d),
        Arbitraries.of(true, false).map(b -> (Object) b));
    if (depth == 0) return scalar;
    Arbitrary<Object> list = jsonValue(depth - 1).list().ofMaxSize(3).map(l -> (Object) new ArrayList<>(l));
    Arbitrary<Object> map = Arbitraries.maps(Arbitraries.strings().withCharRange('a', 'e').ofLength(1), jsonValue(depth - 1))
        .ofMaxSize(3)
        .map(m -> (Object) new LinkedHashMap<>(m));
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(4, scalar), net.jqwik.api.Tuple.of(1, list), net.jqwik.api.Tuple.of(1, map));
  }

  @Provide
  Arbitrary<String> separators() {
    return Arbitraries.of(" ", ", ", ";", "|", "--", "\t");
  }

  @Provide
  Arbitrary<String[]> compatibleUnits() {
    List<String[]> pairs = List.of(
        new String[] {"lb", "kg"}, new String[] {"oz", "g"}, new String[] {"[lb_av]", "t"}, new String[] {"mg", "oz"},
        new String[] {"in", "cm"}, new String[] {"mi", "km"}, new String[] {"[ft_i]", "m"}, new String[] {"yd", "mm"},
        new String[] {"gal", "l"}, new String[] {"floz", "ml"}, new String[] {"degF", "degC"}, new String[] {"°C", "K"},
        new String[] {"[degF]", "K"}, new String[] {"h", "s"}, new String[] {"min", "d"}, new String[] {"mph", "km/h"});
    return Arbitraries.of(pairs);
  }

  @Provide
  Arbitrary<Map<String, Object>> records() {
    Arbitrary<Object> anything = Arbitraries.oneOf(
        jsonValue(2),
        Arbitraries.of("10", "ten", "2026-01-05", "2026-01-05T10:11:12Z", "05/01/2026", "1767607872", "a,b,c", "", " ", "NaN", "1e999999999")
            .map(s -> (Object) s),
        Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, -0.0, 1e300).map(d -> (Object) d));
    return Arbitraries.maps(Arbitraries.of("a", "b", "c", "d", "z"), anything).ofMaxSize(5).map(m -> new LinkedHashMap<>(m));
  }
}
