package dev.weft.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.ErrorPolicy.InvalidRecords;
import dev.weft.model.Spec;
import dev.weft.store.DeadLetter;
import dev.weft.store.Store;
import dev.weft.testkit.InMemoryConnector;
import dev.weft.testkit.InMemorySink;
import dev.weft.testkit.InMemorySource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DeadLetterReplayTest {
  private final Store store = Store.open("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void delivered_letters_are_marked_replayed_and_failing_ones_keep_the_new_reason() throws Exception {
    Spec spec = Specs.spec(Specs.errors(InvalidRecords.DEAD_LETTER, 1, Optional.empty()), Optional.empty(), Optional.empty());
    AtomicBoolean targetDown = new AtomicBoolean(true);
    var sink = new InMemorySink().rejecting(r -> targetDown.get() && r.get("id").equals(3)
        ? Optional.of("table is read-only") : r.get("id").equals(7) ? Optional.of("id 7 is banned") : Optional.empty());
    var connector = new InMemoryConnector().source("src", new InMemorySource(Specs.records(10))).sink("dst", sink);
    RunRequest request = RunRequest.of(spec, "items").withConfig(Map.of("schema", "s"));
    new FlowRunner(store, Connectors.of(connector)).run(request, ProgressListener.none());
    List<DeadLetter> letters = store.deadLetters().pending("default", Optional.empty(), 10);
    assertThat(letters).extracting(DeadLetter::position).containsExactly("mem:3", "mem:7");

    targetDown.set(false);
    var results = new DeadLetterReplay(store, Connectors.of(connector)).replay(request, letters);

    assertThat(results).extracting(DeadLetterReplay.Replayed::delivered).containsExactly(true, false);
    assertThat(sink.written()).containsKey("items:mem:3");
    List<DeadLetter> left = store.deadLetters().pending("default", Optional.empty(), 10);
    assertThat(left).extracting(DeadLetter::position).containsExactly("mem:7");
    assertThat(left.get(0).reason()).isEqualTo("target: id 7 is banned");
    assertThat(store.deadLetters().get(letters.get(0).id()).orElseThrow().replayed()).isTrue();
  }
}
