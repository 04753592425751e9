package dev.weft.mapping;

import static dev.weft.mapping.Rows.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.MapRow;
import dev.weft.model.MapRow.Operation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RecordMappingTest {

  @Test
  void copiesNestedPathsAndKeepsTheOrderOfTheRows() {
    RecordMapping mapping = mapping(copy("b", "second.x"), copy("customer.first_name", "first"), copy("lines[1].sku", "sku"));
    Map<String, Object> out = map(mapping, record(
        "b", 2L,
        "customer", record("first_name", "Ada"),
        "lines", List.of(record("sku", "A"), record("sku", "B"))));
    assertThat(out).containsExactly(Map.entry("second", record("x", 2L)), Map.entry("first", "Ada"), Map.entry("sku", "B"));
  }

  @Test
  void aMissingFromFieldIsNull() {
    Map<String, Object> out = map(mapping(copy("nope.deeper", "x")), record("a", 1));
    assertThat(out).containsEntry("x", null);
  }

  @Test
  void copiedObjectsAreNotSharedWithTheSource() {
    Map<String, Object> customer = record("name", "Ada");
    RecordMapping mapping = mapping(copy("customer", "customer"), row(List.of(), "customer.vip", new Operation.Value(true)));
    Map<String, Object> out = map(mapping, record("customer", customer));
    assertThat(out.get("customer")).isEqualTo(record("name", "Ada", "vip", true));
    assertThat(customer).doesNotContainKey("vip");
  }

  @Test
  void concatJoinsWithTheSeparatorAndSkipsNulls() {
    RecordMapping mapping = mapping(row(List.of("customer.first_name", "customer.middle", "customer.last_name"), "name", new Operation.Concat(" ")));
    assertThat(map(mapping, record("customer", record("first_name", "Ada", "last_name", "Lovelace"))))
        .containsEntry("name", "Ada Lovelace");
    assertThat(map(mapping, record("customer", record()))).containsEntry("name", null);
  }

  @Test
  void splitIntoThreeTargetsDropsExtraPartsAndFillsMissingOnesWithNull() {
    MapRow split = toMany(row("address", "x", new Operation.Split(", ", Optional.empty())), List.of("street", "city", "country"));
    RecordMapping mapping = mapping(split);
    assertThat(map(mapping, record("address", "1 Main St, Springfield, USA, Earth")))
        .containsEntry("street", "1 Main St").containsEntry("city", "Springfield").containsEntry("country", "USA");
    assertThat(map(mapping, record("address", "1 Main St, Springfield")))
        .containsEntry("street", "1 Main St").containsEntry("city", "Springfield").containsEntry("country", null);
  }

  @Test
  void splitWithALimitKeepsTheRestInTheLastPart() {
    MapRow split = toMany(row("full_name", "x", new Operation.Split(" ", Optional.of(2))), List.of("first_name", "last_name"));
    assertThat(map(mapping(split), record("full_name", "Ada King Lovelace")))
        .containsEntry("first_name", "Ada").containsEntry("last_name", "King Lovelace");
  }

  @Test
  void convertsPoundsToKilogramsRoundedToThreeDecimals() {
    RecordMapping mapping = mapping(withRound(row("weight_lb", "weight_kg", new Operation.Convert("lb", "kg")), 3));
    assertThat(map(mapping, record("weight_lb", 10L)).get("weight_kg")).isEqualTo(new BigDecimal("4.536"));
    assertThat(map(mapping, record("weight_lb", "10")).get("weight_kg")).isEqualTo(new BigDecimal("4.536"));
    assertThat(map(mapping, record("weight_lb", 2.5)).get("weight_kg")).isEqualTo(new BigDecimal("1.134"));
  }

  @Test
  void convertsTemperaturesWithTheirOffsetsExactly() {
    RecordMapping mapping = mapping(row("f", "c", new Operation.Convert("degF", "degC")), row("c2", "f2", new Operation.Convert("°C", "°F")),
        row("k", "c3", new Operation.Convert("K", "Cel")));
    Map<String, Object> out = map(mapping, record("f", 212L, "c2", -40L, "k", "273.15"));
    assertThat(out.get("c")).isEqualTo(new BigDecimal("100"));
    assertThat(out.get("f2")).isEqualTo(new BigDecimal("-40"));
    assertThat((BigDecimal) out.get("c3")).isEqualByComparingTo("0");
  }

  @Test
  void convertsGramsAndUcumCodes() {
    RecordMapping mapping = mapping(row("g", "kg", new Operation.Convert("g", "kg")), row("lb", "oz", new Operation.Convert("[lb_av]", "[oz_av]")),
        row("mi", "km", new Operation.Convert("[mi_i]", "km")), row("gal", "l", new Operation.Convert("[gal_us]", "L")),
        row("ft", "in", new Operation.Convert("[ft_i]", "[in_i]")), row("t", "f", new Operation.Convert("Cel", "[degF]")));
    Map<String, Object> out = map(mapping, record("g", 1500L, "lb", 1L, "mi", 1L, "gal", 1L, "ft", 2L, "t", 37L));
    assertThat((BigDecimal) out.get("kg")).isEqualByComparingTo("1.5");
    assertThat((BigDecimal) out.get("oz")).isEqualByComparingTo("16");
    assertThat((BigDecimal) out.get("km")).isEqualByComparingTo("1.609344");
    assertThat((BigDecimal) out.get("l")).isEqualByComparingTo("3.785411784");
    assertThat((BigDecimal) out.get("in")).isEqualByComparingTo("24");
    assertThat((BigDecimal) out.get("f")).isEqualByComparingTo("98.6");
  }

  @Test
  void aNonNumberToConvertMakesTheRecordInvalidNamingTheRow() {
    RecordMapping mapping = mapping(copy("id", "id"), copy("a", "a"), copy("b", "b"), row("weight_lb", "weight_kg", new Operation.Convert("lb", "kg")));
    assertThat(mapping.apply(record("weight_lb", "ten"), Map.of()))
        .isEqualTo(new Outcome.Invalid("map[3] (convert lb -> kg): 'ten' is not a number"));
  }

  @Test
  void arithmeticOnAFieldWithJsonata() {
    RecordMapping mapping = mapping(row("total_cents", "total", new Operation.Expr("$ / 100")), row("n", "double", new Operation.Expr("$number($) * 2")));
    Map<String, Object> out = map(mapping, record("total_cents", 1999L, "n", "21"));
    assertThat(out.get("total")).isEqualTo(new BigDecimal("19.99"));
    assertThat(out.get("double")).isEqualTo(42L);
  }

  @Test
  void jsonataSeesTheWholeRecordAsDoubleDollarAndTheConfig() {
    RecordMapping mapping = mapping(row("email", "note", new Operation.Expr("$lowercase($) & ' for ' & $$.customer.name & ' in ' & $config.region & \" costs $$\"")));
    Outcome outcome = mapping.apply(record("email", "ADA@X.ORG", "customer", record("name", "Ada")), Map.of("region", "EU"));
    assertThat(outcome).isEqualTo(new Outcome.Mapped(record("note", "ada@x.org for Ada in EU costs $$")));
  }

  @Test
  void jsonataWithoutFromSeesNullAsItsValue() {
    RecordMapping mapping = mapping(row(List.of(), "source", new Operation.Expr("'shop-' & $$.id")));
    assertThat(map(mapping, record("id", 7L))).containsEntry("source", "shop-7");
  }

  @Test
  void jsonataResultsArePlainJsonValues() {
    RecordMapping mapping = mapping(row(List.of(), "obj", new Operation.Expr("{'list': [1, 2.5, 'x'], 'flag': true}")));
    Map<String, Object> out = map(mapping, record());
    assertThat(out.get("obj")).isEqualTo(record("list", List.of(1L, new BigDecimal("2.5"), "x"), "flag", true));
    assertThat(((Map<?, ?>) out.get("obj")).get("list")).isExactlyInstanceOf(ArrayList.class);
  }

  @Test
  void aJsonataErrorOnOneRecordIsInvalidNotAnException() {
    RecordMapping mapping = mapping(row("email", "email", new Operation.Expr("$lowercase($)")));
    Outcome outcome = mapping.apply(record("email", 5L), Map.of());
    assertThat(outcome).isInstanceOf(Outcome.Invalid.class);
    assertThat(((Outcome.Invalid) outcome).reason()).startsWith("map[0] (expr $lowercase($)): expression '$lowercase($)' failed:");
  }

  @Test
  void aNonNumberInANumberExpressionIsSaidInWordsNotInJavas() {
    RecordMapping mapping = mapping(row("total_cents", "total", new Operation.Expr("$number($) / 100")));
    assertThat(mapping.apply(record("total_cents", "n/a"), Map.of()))
        .isEqualTo(new Outcome.Invalid("map[0] (expr $number($) / 100): expression '$number($) / 100' failed: 'n/a' is not a number"));
  }

  @Test
  void lookupComparesKeysAsTextAndFallsBackToTheDefault() {
    MapRow lookup = withDefault(row("status", "state", new Operation.Lookup(Map.of("1", "open", "2", "closed", "no", "refused"))), "unknown");
    RecordMapping mapping = mapping(lookup);
    assertThat(map(mapping, record("status", 1L))).containsEntry("state", "open");
    assertThat(map(mapping, record("status", "2"))).containsEntry("state", "closed");
    assertThat(map(mapping, record("status", "no"))).containsEntry("state", "refused");
    assertThat(map(mapping, record("status", new BigDecimal("2.0")))).containsEntry("state", "closed");
    assertThat(map(mapping, record("status", "1.00"))).containsEntry("state", "open");
    assertThat(map(mapping, record("status", 1.0))).containsEntry("state", "open");
    assertThat(map(mapping, record("status", 9L))).containsEntry("state", "unknown");
    assertThat(map(mapping, record())).containsEntry("state", "unknown");
  }

  @Test
  void valueWritesAConstant() {
    assertThat(map(mapping(row(List.of(), "source", new Operation.Value("shop"))), record("a", 1))).containsExactly(Map.entry("source", "shop"));
  }

  @Test
  void requiredAndEmptyMakesTheRecordInvalid() {
    RecordMapping mapping = mapping(copy("id", "id"), copy("name", "name"), required(copy("mail", "email")));
    assertThat(mapping.apply(record("id", 1L), Map.of())).isEqualTo(new Outcome.Invalid("map[2]: 'email' is required but empty"));
    assertThat(mapping.apply(record("id", 1L, "mail", "a@b"), Map.of())).isInstanceOf(Outcome.Mapped.class);
  }

  @Test
  void aDefaultSatisfiesRequired() {
    RecordMapping mapping = mapping(withDefault(required(copy("currency", "currency")), "EUR"));
    assertThat(map(mapping, record())).containsEntry("currency", "EUR");
  }

  @Test
  void roundAppliesHalfUpToNumbersAndNumericStrings() {
    RecordMapping mapping = mapping(withRound(copy("a", "a"), 2), withRound(copy("b", "b"), 0));
    Map<String, Object> out = map(mapping, record("a", "1.005", "b", 2.5));
    assertThat(out.get("a")).isEqualTo(new BigDecimal("1.01"));
    assertThat(out.get("b")).isEqualTo(new BigDecimal("3"));
    assertThat(mapping.apply(record("a", "x"), Map.of()))
        .isEqualTo(new Outcome.Invalid("map[0] (copy): cannot round 'x', it is not a number"));
  }

  @Test
  void theFilterKeepsOnlyRecordsForWhichItIsTrue() {
    Compiled compiled = RecordMapping.compile(List.of(copy("id", "id")), Optional.of("status = 'paid' and total > $config.minimum"));
    RecordMapping mapping = compiled.mapping().orElseThrow();
    Map<String, Object> config = Map.of("minimum", 10L);
    assertThat(mapping.apply(record("id", 1L, "status", "paid", "total", 20L), config)).isEqualTo(new Outcome.Mapped(record("id", 1L)));
    assertThat(mapping.apply(record("id", 2L, "status", "open", "total", 20L), config)).isEqualTo(new Outcome.Filtered());
    assertThat(mapping.apply(record("id", 3L, "status", "paid", "total", 5L), config)).isEqualTo(new Outcome.Filtered());
    assertThat(mapping.apply(record("id", 4L), config)).isEqualTo(new Outcome.Filtered());
  }

  @Test
  void aFilterThatFailsMakesTheRecordInvalid() {
    RecordMapping mapping = RecordMapping.compile(List.of(copy("id", "id")), Optional.of("$number(total) > 1")).mapping().orElseThrow();
    Outcome outcome = mapping.apply(record("total", "abc"), Map.of());
    assertThat(outcome).isInstanceOf(Outcome.Invalid.class);
    assertThat(((Outcome.Invalid) outcome).reason()).startsWith("filter: ");
  }

  @Test
  void nullRecordAndConfigAreTreatedAsEmpty() {
    assertThat(mapping(copy("a", "a")).apply(null, null)).isEqualTo(new Outcome.Mapped(record("a", null)));
  }
}
