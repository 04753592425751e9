package dev.weft.mapping;

import static dev.weft.mapping.Rows.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.ConfigOption;
import dev.weft.model.ErrorPolicy;
import dev.weft.model.Flow;
import dev.weft.model.MapRow;
import dev.weft.model.MapRow.Operation;
import dev.weft.model.Source;
import dev.weft.model.Spec;
import dev.weft.model.Sync;
import dev.weft.model.Target;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SpecTestRunnerTest {

  private static final List<MapRow> ORDERS = List.of(
      copy("id", "external_id"),
      row(List.of("customer.first_name", "customer.last_name"), "customer_name", new Operation.Concat(" ")),
      withRound(row("weight_lb", "weight_kg", new Operation.Convert("lb", "kg")), 3),
      row("total_cents", "total", new Operation.Expr("$ / 100")),
      row(List.of(), "region", new Operation.Expr("$config.region")));

  private static Flow pipeline(String id, List<MapRow> rows, Optional<String> filter) {
    Source source = new Source("shop", Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty(), filter, Source.After.KEEP);
    Target target = new Target("ledger", Optional.of("orders"), Target.Write.values()[0], List.of(), Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty());
    return new Flow(id, Optional.empty(), List.of(), new Flow.Pipeline(source, rows, target), Optional.empty(), ErrorPolicy.DEFAULT);
  }

  private static Spec spec(List<Flow> flows, List<ConfigOption> config, Spec.SpecTest... tests) {
    return new Spec(1, "s", "S", Optional.empty(), Optional.empty(), Optional.empty(), List.of(), Spec.Prerequisites.NONE,
        Spec.UserStories.NONE, Optional.empty(), Optional.empty(), Map.of(), config, Map.of(), Spec.CustomerExperience.NONE,
        flows, List.of(tests));
  }

  private static final Map<String, Object> INPUT = record(
      "id", 7L, "customer", record("first_name", "Ada", "last_name", "Lovelace"), "weight_lb", 10L, "total_cents", 1999L);

  @Test
  void theDesignExamplePassesComparingNumbersByValue() {
    Spec.SpecTest test = new Spec.SpecTest("pounds become kilograms", "orders", INPUT,
        record("external_id", 7L, "customer_name", "Ada Lovelace", "weight_kg", "4.5360", "total", 19.99));
    List<SpecTestResult> results = SpecTestRunner.run(spec(List.of(pipeline("orders", ORDERS, Optional.empty())), List.of(), test), Map.of());
    assertThat(results).singleElement().satisfies(r -> {
      assertThat(r.passed()).as(r.explanation().toString()).isTrue();
      assertThat(r.name()).isEqualTo("pounds become kilograms");
    });
  }

  @Test
  void eachDifferingFieldIsReportedWithExpectedAndActual() {
    Spec.SpecTest test = new Spec.SpecTest("wrong", "orders", INPUT,
        record("external_id", 7L, "customer_name", "Ada King", "weight_kg", 4.5, "missing_field", 1L));
    SpecTestResult result = SpecTestRunner.run(spec(List.of(pipeline("orders", ORDERS, Optional.empty())), List.of(), test), Map.of()).getFirst();
    assertThat(result.passed()).isFalse();
    assertThat(result.explanation()).containsExactly(
        "customer_name: expected \"Ada King\" but got \"Ada Lovelace\"",
        "weight_kg: expected 4.5 but got 4.536",
        "missing_field: expected 1 but got nothing (no such field)");
  }

  @Test
  void configComesFromTheGivenValuesThenTheOptionDefaults() {
    ConfigOption region = new ConfigOption("region", Optional.empty(), ConfigOption.Type.STRING, false, Optional.of("EU"), List.of(), Optional.empty());
    Spec.SpecTest test = new Spec.SpecTest("region", "orders", INPUT, record("region", "US"));
    Spec spec = spec(List.of(pipeline("orders", ORDERS, Optional.empty())), List.of(region), test);
    assertThat(SpecTestRunner.run(spec, Map.of("region", "US")).getFirst().passed()).isTrue();
    assertThat(SpecTestRunner.run(spec, Map.of()).getFirst().explanation()).containsExactly("region: expected \"US\" but got \"EU\"");
  }

  @Test
  void nestedExpectationsCompareDeeply() {
    List<MapRow> rows = List.of(copy("customer", "customer"), copy("lines", "lines"));
    Map<String, Object> input = record("customer", record("name", "Ada", "age", 36L), "lines", List.of(record("qty", 2L)));
    Spec.SpecTest same = new Spec.SpecTest("same", "f", input, record("customer", record("name", "Ada", "age", "36.0"), "lines", List.of(record("qty", 2L))));
    Spec.SpecTest different = new Spec.SpecTest("different", "f", input, record("lines", List.of(record("qty", 3L)), "customer.name", "Bob"));
    List<SpecTestResult> results = SpecTestRunner.run(spec(List.of(pipeline("f", rows, Optional.empty())), List.of(), same, different), Map.of());
    assertThat(results.get(0).passed()).isTrue();
    assertThat(results.get(1).explanation()).containsExactly(
        "lines: expected [{qty: 3}] but got [{qty: 2}]", "customer.name: expected \"Bob\" but got \"Ada\"");
  }

  @Test
  void aMissingFlowASyncFlowAndAnInvalidRecordFailClearly() {
    Flow sync = new Flow("contacts", Optional.empty(), List.of(),
        new Sync(null, null, Optional.empty(), List.of(), List.of(), null, null), Optional.empty(), ErrorPolicy.DEFAULT);
    Spec spec = spec(List.of(pipeline("orders", ORDERS, Optional.of("total_cents > 5000")), sync), List.of(),
        new Spec.SpecTest("no flow", "ordres", INPUT, record()),
        new Spec.SpecTest("sync", "contacts", INPUT, record()),
        new Spec.SpecTest("invalid", "orders", record("weight_lb", "ten", "total_cents", 9999L), record("external_id", 7L)));
    List<SpecTestResult> results = SpecTestRunner.run(spec, Map.of());
    assertThat(results).noneMatch(SpecTestResult::passed);
    assertThat(results.get(0).explanation()).containsExactly("flow 'ordres' does not exist (flows: orders, contacts)");
    assertThat(results.get(1).explanation().getFirst()).startsWith("flow 'contacts' is a two-way sync");
    assertThat(results.get(2).explanation()).containsExactly("the record is invalid: map[2] (convert lb -> kg): 'ten' is not a number");
  }

  @Test
  void aRecordTheFilterWouldLeaveOutIsStillMappedAndCompared_withANote() {
    Spec spec = spec(List.of(pipeline("orders", ORDERS, Optional.of("total_cents > 5000"))), List.of(),
        new Spec.SpecTest("filtered", "orders", INPUT, record("external_id", 7L)),
        new Spec.SpecTest("filtered and wrong", "orders", INPUT, record("external_id", 8L)));
    List<SpecTestResult> results = SpecTestRunner.run(spec, Map.of());
    assertThat(results.get(0).passed()).isTrue();
    assertThat(results.get(0).notes()).containsExactly("the flow's filter would leave this record out (with this config)");
    assertThat(results.get(1).passed()).isFalse();
    assertThat(results.get(1).explanation()).containsExactly("external_id: expected 8 but got 7");
  }

  @Test
  void aFlowWhoseRowsDoNotCompileFailsItsTests() {
    List<MapRow> rows = List.of(row("w", "w", new Operation.Convert("lbs", "kg")));
    SpecTestResult result = SpecTestRunner.run(
        spec(List.of(pipeline("f", rows, Optional.empty())), List.of(), new Spec.SpecTest("t", "f", record(), record())), Map.of()).getFirst();
    assertThat(result.explanation()).containsExactly("flow 'f' cannot be compiled: map[0].unit: unknown unit 'lbs' (did you mean 'lb'?)");
  }
}
