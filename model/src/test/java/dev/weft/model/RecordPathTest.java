package dev.weft.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordPathTest {

  @Test
  void readsNestedFieldsAndIndexes() {
    Map<String, Object> record =
        Map.of("customer", Map.of("first_name", "Ada"), "lines", List.of(Map.of("sku", "A"), Map.of("sku", "B")));
    assertThat(RecordPath.of("customer.first_name").get(record)).isEqualTo("Ada");
    assertThat(RecordPath.of("lines[1].sku").get(record)).isEqualTo("B");
    assertThat(RecordPath.of("lines[2].sku").get(record)).isNull();
    assertThat(RecordPath.of("customer.missing.deeper").get(record)).isNull();
  }

  @Test
  void setsCreatingMapsAndLists() {
    Map<String, Object> out = new LinkedHashMap<>();
    RecordPath.of("address.lines[1]").set(out, "Main St");
    RecordPath.of("address.city").set(out, "Berlin");
    assertThat(out).isEqualTo(Map.of("address", Map.of("lines", java.util.Arrays.asList(null, "Main St"), "city", "Berlin")));
  }

  @Test
  void rejectsMalformedPathsWithAReason() {
    assertThat(RecordPath.parse("a..b").error()).hasValueSatisfying(e -> assertThat(e).contains("empty segment"));
    assertThat(RecordPath.parse("a[x]").error()).hasValueSatisfying(e -> assertThat(e).contains("'x' is not a number"));
    assertThat(RecordPath.parse("a[1").error()).isPresent();
    assertThat(RecordPath.parse("a.").error()).isPresent();
    assertThat(RecordPath.parse("@id").path()).isPresent();
  }

  @Test
  void placeholdersAreFoundAndResolved() {
    String text = "Bearer ${config.token} for ${secret.x} and ${foo.bar}";
    assertThat(Placeholder.findAll(text)).extracting(Placeholder::kind, Placeholder::name)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(Placeholder.Kind.CONFIG, "token"),
            org.assertj.core.groups.Tuple.tuple(Placeholder.Kind.SECRET, "x"));
    assertThat(Placeholder.unknownKinds(text)).containsExactly("foo");
    assertThat(Placeholder.resolve(text, p -> p.name().toUpperCase())).isEqualTo("Bearer TOKEN for X and ${foo.bar}");
  }

  @Test
  void templatesFillFieldsAndBlankNulls() {
    assertThat(Template.render("PUT /c/{{ id }}/{{missing}}", n -> n.equals("id") ? 7 : null)).isEqualTo("PUT /c/7/");
    assertThat(Template.names("orders-{{run.date}}-{{x}}.csv")).containsExactly("run.date", "x");
  }
}
