package dev.weft.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.model.Auth;
import dev.weft.model.ConfigOption;
import dev.weft.model.ErrorPolicy.InvalidRecords;
import dev.weft.connector.Source;
import dev.weft.model.Spec;
import dev.weft.store.Counts;
import dev.weft.store.DeadLetter;
import dev.weft.store.RunStatus;
import dev.weft.store.Store;
import dev.weft.testkit.InMemoryConnector;
import dev.weft.testkit.InMemorySink;
import dev.weft.testkit.InMemorySource;
import dev.weft.connector.Sink;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlowRunnerTest {
  private final Store store = Store.open("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");

  @AfterEach
  void close() {
    store.close();
  }

  private RunResult run(Spec spec, InMemorySource source, InMemorySink sink, int batch) throws RunStartException {
    var connector = new InMemoryConnector().source("src", source).sink("dst", sink);
    return new FlowRunner(store, Connectors.of(connector))
        .run(RunRequest.of(spec, "items").withBatchSize(batch).withConfig(Map.of("schema", "public")), ProgressListener.none());
  }

  @Test
  void counts_reconcile_and_invalid_records_become_dead_letters_naming_the_row() throws Exception {
    var sink = new InMemorySink().rejecting(r -> r.get("id").equals(7) ? Optional.of("duplicate email") : Optional.empty());
    List<Progress> progress = new ArrayList<>();
    var connector = new InMemoryConnector().source("src", new InMemorySource(Specs.records(1000))).sink("dst", sink);
    Spec spec = Specs.spec(Specs.errors(InvalidRecords.DEAD_LETTER, 3, Optional.empty()), Optional.empty(), Optional.of("id != 5"));

    RunResult result = new FlowRunner(store, Connectors.of(connector))
        .run(RunRequest.of(spec, "items").withBatchSize(128).withConfig(Map.of("schema", "s")), progress::add);

    assertThat(result.status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(result.counts()).isEqualTo(new Counts(1000, 988, 11, 1, 0));
    assertThat(result.counts().reconciles()).isTrue();
    assertThat(sink.written()).hasSize(988).containsKey("items:mem:1");
    assertThat(sink.written().get("items:mem:3").get("weight_kg")).isInstanceOfSatisfying(Number.class,
        n -> assertThat(new BigDecimal(n.toString())).isEqualByComparingTo("1.361"));
    List<DeadLetter> letters = store.deadLetters().pending("default", Optional.of("items"), 100);
    assertThat(letters).hasSize(11);
    assertThat(letters.get(0).step()).isEqualTo("map");
    assertThat(letters.get(0).reason()).startsWith("map[1] (convert lb -> kg)").contains("'ten' is not a number");
    assertThat(letters.get(0).position()).isEqualTo("mem:100");
    assertThat(letters.get(1).step()).isEqualTo("target");
    assertThat(letters.get(1).reason()).isEqualTo("target: duplicate email");
    assertThat(letters.get(1).mappedRecord()).isPresent();
    assertThat(store.runs().get(result.runId()).orElseThrow().counts()).isEqualTo(result.counts());
    assertThat(store.checkpoints().get("default", "items")).contains("1000");
    assertThat(progress).last().satisfies(p -> assertThat(p.counts()).isEqualTo(result.counts()));
    assertThat(result.lastPosition()).contains("mem:1000");
  }

  @Test
  void skip_counts_invalid_records_as_skipped_without_dead_letters() throws Exception {
    Spec spec = Specs.spec(Specs.errors(InvalidRecords.SKIP, 3, Optional.empty()), Optional.empty(), Optional.empty());
    RunResult result = run(spec, new InMemorySource(Specs.records(300)), new InMemorySink(), 100);
    assertThat(result.counts()).isEqualTo(new Counts(300, 297, 0, 0, 3));
    assertThat(store.deadLetters().pending("default", Optional.empty(), 10)).isEmpty();
  }

  @Test
  void fail_stops_the_run_at_the_first_invalid_record_and_keeps_the_checkpoint_before_its_batch() throws Exception {
    Spec spec = Specs.spec(Specs.errors(InvalidRecords.FAIL, 3, Optional.of("Item {{id}} stopped the run: {{error}}")),
        Optional.empty(), Optional.empty());
    var sink = new InMemorySink();
    RunResult result = run(spec, new InMemorySource(Specs.records(300)), sink, 40);
    assertThat(result.status()).isEqualTo(RunStatus.FAILED);
    assertThat(result.failure().orElseThrow().userMessage()).startsWith("Item 100 stopped the run: mem:100: map[1]");
    assertThat(store.checkpoints().get("default", "items")).contains("80");
    assertThat(sink.written()).hasSize(80);
    assertThat(sink.aborted()).isTrue();
  }

  @Test
  void transient_write_failures_are_retried() throws Exception {
    Spec spec = Specs.spec(Specs.errors(InvalidRecords.DEAD_LETTER, 4, Optional.empty()), Optional.empty(), Optional.empty());
    var sink = new InMemorySink().failWritesTransiently(3);
    var source = new InMemorySource(Specs.records(250)).failReadsTransiently(2);
    RunResult result = run(spec, source, sink, 100);
    assertThat(result.status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(sink.written()).hasSize(248);
    assertThat(store.runs().logOf(result.runId())).anySatisfy(l -> assertThat(l.message()).contains("retrying"));
  }

  @Test
  void a_failure_the_connector_already_retried_is_not_retried_again() throws Exception {
    Spec spec = Specs.spec(Specs.errors(InvalidRecords.DEAD_LETTER, 4, Optional.empty()), Optional.empty(), Optional.empty());
    var sink = new InMemorySink().failWritesAfterOwnRetries(1);
    RunResult result = run(spec, new InMemorySource(Specs.records(50)), sink, 100);
    assertThat(result.status()).isEqualTo(RunStatus.FAILED);
    assertThat(sink.writeCalls()).isEqualTo(1);
    assertThat(result.failure().orElseThrow().userMessage()).contains("gave up after its own retries");
  }

  @Test
  void when_retries_run_out_the_run_fails_with_the_spec_message_and_the_next_run_resumes() throws Exception {
    Spec spec = Specs.spec(Specs.errors(InvalidRecords.DEAD_LETTER, 2, Optional.of("Item {{id}} was not sent: {{error}}")),
        Optional.empty(), Optional.empty());
    var sink = new InMemorySink();
    var source = new InMemorySource(Specs.records(500));
    var connector = new InMemoryConnector().source("src", source).sink("dst", sink);
    FlowRunner runner = new FlowRunner(store, Connectors.of(connector));
    RunRequest request = RunRequest.of(spec, "items").withBatchSize(100).withConfig(Map.of("schema", "s"));

    RunResult failed = runner.run(request, p -> {
      if (p.counts().read() == 200) sink.failWritesTransiently(5);
    });
    assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
    assertThat(failed.failure().orElseThrow().userMessage()).isEqualTo("Item 201 was not sent: the in-memory sink is unavailable for now");
    assertThat(store.checkpoints().get("default", "items")).contains("200");
    assertThat(store.runs().get(failed.runId()).orElseThrow().userMessage()).contains("Item 201 was not sent: the in-memory sink is unavailable for now");

    sink.failWritesTransiently(0);
    RunResult resumed = runner.run(request, ProgressListener.none());
    assertThat(resumed.status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(resumed.counts().read()).isEqualTo(300);
    assertThat(sink.written()).hasSize(495);
    assertThat(store.checkpoints().get("default", "items")).contains("500");

    RunResult nothingNew = runner.run(request, ProgressListener.none());
    assertThat(nothingNew.counts()).isEqualTo(Counts.ZERO);
  }

  @Test
  void volume_max_stops_before_writing_the_batch_that_crosses_it() throws Exception {
    Spec spec = Specs.spec(Specs.errors(InvalidRecords.DEAD_LETTER, 1, Optional.empty()), Optional.of(250L), Optional.empty());
    var sink = new InMemorySink();
    RunResult result = run(spec, new InMemorySource(Specs.records(1000)), sink, 100);
    assertThat(result.status()).isEqualTo(RunStatus.FAILED);
    assertThat(result.failure().orElseThrow().userMessage()).contains("volume.max = 250");
    assertThat(result.counts().read()).isEqualTo(200);
    assertThat(sink.recordsWritten()).isEqualTo(198);
  }

  @Test
  void a_sink_that_commits_at_the_end_moves_the_checkpoint_only_after_finish() throws Exception {
    Spec spec = Specs.spec(Specs.errors(InvalidRecords.DEAD_LETTER, 1, Optional.empty()), Optional.empty(), Optional.empty());
    var sink = new InMemorySink(Sink.Commit.AT_END);
    var source = new InMemorySource(Specs.records(300));
    RunResult result = run(spec, source, sink, 100);
    assertThat(result.checkpointStored()).isTrue();
    assertThat(sink.finished()).isTrue();
    assertThat(sink.written()).hasSize(297);
    assertThat(store.checkpoints().get("default", "items")).contains("300");
    assertThat(source.committed()).extracting(c -> c.token()).containsExactly("100", "200", "300");
  }

  @Test
  void the_source_is_told_each_committed_checkpoint_in_order() throws Exception {
    Spec spec = Specs.spec(Specs.errors(InvalidRecords.DEAD_LETTER, 1, Optional.empty()), Optional.empty(), Optional.empty());
    var source = new InMemorySource(Specs.records(1000));
    run(spec, source, new InMemorySink(), 100);
    assertThat(source.committed()).extracting(c -> c.token())
        .containsExactly("100", "200", "300", "400", "500", "600", "700", "800", "900", "1000");
    assertThat(source.closed()).isTrue();
  }

  @Test
  void a_missing_placeholder_stops_the_run_before_it_starts_and_names_it() {
    Spec spec = Specs.spec(Specs.errors(InvalidRecords.DEAD_LETTER, 1, Optional.empty()), Optional.empty(), Optional.empty(),
        new Auth.Password(Auth.Scope.SYSTEM, "app", "${secret.db_password}"), "mem:dst", List.of());
    var connector = new InMemoryConnector().source("src", new InMemorySource(List.of())).sink("dst", new InMemorySink());
    assertThatThrownBy(() -> new FlowRunner(store, Connectors.of(connector)).run(RunRequest.of(spec, "items"), ProgressListener.none()))
        .isInstanceOf(RunStartException.class)
        .hasMessageContaining("${secret.db_password}")
        .hasMessageContaining("${config.schema}");
  }

  @Test
  void placeholders_are_resolved_and_secret_values_never_reach_the_store() throws Exception {
    String secret = "hunter2-" + UUID.randomUUID();
    var options = List.of(new ConfigOption("schema", Optional.empty(), ConfigOption.Type.STRING, false, Optional.of((Object) "public"),
        List.of(), Optional.empty()));
    Spec spec = Specs.spec(Specs.errors(InvalidRecords.DEAD_LETTER, 2, Optional.of("Could not write {{id}}: {{error}}")),
        Optional.empty(), Optional.empty(), new Auth.Password(Auth.Scope.SYSTEM, "app", "${secret.db_password}"),
        "mem:dst?password=${secret.db_password}", options);
    var sink = new InMemorySink().rejecting(r -> Optional.of("login app/" + secret + " refused this row"));
    var connector = new InMemoryConnector().source("src", new InMemorySource(Specs.records(10))).sink("dst", sink);
    RunResult first = new FlowRunner(store, Connectors.of(connector))
        .run(RunRequest.of(spec, "items").withSecrets(SecretResolver.of(Map.of("db_password", secret))), ProgressListener.none());
    sink.breakWith("cannot log in with " + secret);
    store.checkpoints().reset("default", "items");
    RunResult second = new FlowRunner(store, Connectors.of(connector))
        .run(RunRequest.of(spec, "items").withSecrets(SecretResolver.of(Map.of("db_password", secret))), ProgressListener.none());

    var target = connector.opened().stream().filter(s -> s.id().equals("dst")).findFirst().orElseThrow();
    assertThat(target.url()).isEqualTo("mem:dst?password=" + secret);
    assertThat(((Auth.Password) target.auth()).password()).isEqualTo(secret);
    assertThat(target.options()).containsEntry("schema", "public");
    assertThat(first.counts().deadLettered()).isEqualTo(10);
    assertThat(second.status()).isEqualTo(RunStatus.FAILED);
    assertThat(second.failure().orElseThrow().userMessage()).contains("cannot log in with ***").doesNotContain(secret);
    assertThat(everyTextInTheStore()).isNotEmpty().noneMatch(text -> text.contains(secret));
  }

  private List<String> everyTextInTheStore() throws Exception {
    List<String> texts = new ArrayList<>();
    try (var c = store.dataSource().getConnection()) {
      for (String table : List.of("runs", "run_log", "checkpoints", "dead_letters")) {
        try (ResultSet r = c.createStatement().executeQuery("SELECT * FROM " + table)) {
          while (r.next()) for (int i = 1; i <= r.getMetaData().getColumnCount(); i++) texts.add(String.valueOf(r.getObject(i)));
        }
      }
    }
    return texts;
  }

  @Test
  void a_payload_feeds_the_records_at_the_webhook_records_path_and_leaves_the_checkpoint_alone(@TempDir Path dir) throws Exception {
    Path payload = dir.resolve("payload.json");
    Files.writeString(payload, "{\"data\": {\"items\": [{\"id\": 1, \"weight_lb\": 2.5}, {\"id\": 2, \"weight_lb\": \"x\"}]}}");
    Spec spec = Specs.spec(Specs.errors(InvalidRecords.DEAD_LETTER, 1, Optional.empty()), Optional.empty(), Optional.empty());
    var sink = new InMemorySink();
    var connector = new InMemoryConnector().sink("dst", sink);
    RunResult result = new FlowRunner(store, Connectors.of(connector))
        .run(RunRequest.of(spec, "items").withInput(payload).withConfig(Map.of("schema", "s")), ProgressListener.none());
    assertThat(result.counts()).isEqualTo(new Counts(2, 1, 1, 0, 0));
    assertThat(sink.written()).containsOnlyKeys("items:payload.json#1");
    assertThat(store.checkpoints().get("default", "items")).isEmpty();
    assertThat(store.runs().get(result.runId()).orElseThrow().trigger()).isEqualTo("webhook");
  }

  @Test
  void an_error_thrown_while_reading_fails_the_run_instead_of_leaving_the_writer_waiting() throws Exception {
    Spec spec = Specs.spec(Specs.errors(InvalidRecords.DEAD_LETTER, 2, Optional.empty()), Optional.empty(), Optional.empty());
    var records = new InMemorySource(Specs.records(300));
    Source breaking = (from, max) -> {
      if (records.reads() == 2) throw new NoClassDefFoundError("dev/weft/Gone");
      return records.read(from, max);
    };
    var sink = new InMemorySink();
    var connector = new InMemoryConnector().source("src", breaking).sink("dst", sink);

    RunResult result = new FlowRunner(store, Connectors.of(connector))
        .run(RunRequest.of(spec, "items").withBatchSize(100).withConfig(Map.of("schema", "s")), ProgressListener.none());

    assertThat(result.status()).isEqualTo(RunStatus.FAILED);
    assertThat(result.failure().orElseThrow().userMessage()).contains("reading the source failed").contains("dev/weft/Gone");
    assertThat(sink.written()).hasSize(198); // the two batches read before it, less their two invalid records
  }

  @Test
  void an_unknown_flow_names_the_flows_there_are() {
    Spec spec = Specs.spec(Specs.errors(InvalidRecords.DEAD_LETTER, 1, Optional.empty()), Optional.empty(), Optional.empty());
    assertThatThrownBy(() -> new FlowRunner(store, Connectors.of()).run(RunRequest.of(spec, "nope"), ProgressListener.none()))
        .hasMessageContaining("no flow 'nope'").hasMessageContaining("items");
  }
}
