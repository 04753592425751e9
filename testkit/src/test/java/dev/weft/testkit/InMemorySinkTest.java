package dev.weft.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.connector.Checkpoint;
import dev.weft.connector.Sink;
import dev.weft.connector.SinkRecord;
import dev.weft.connector.TransientException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InMemorySinkTest {

  @Test
  void rejects_chosen_records_and_keeps_the_rest_by_id() throws Exception {
    var sink = new InMemorySink().rejecting(r -> r.get("n").equals(2) ? Optional.of("no twos") : Optional.empty());
    var result = sink.write(List.of(new SinkRecord(Map.of("n", 1), "a"), new SinkRecord(Map.of("n", 2), "b")));
    sink.write(List.of(new SinkRecord(Map.of("n", 1), "a")));
    assertThat(result.written()).isEqualTo(1);
    assertThat(result.rejected()).singleElement().satisfies(r -> assertThat(r.index()).isEqualTo(1));
    assertThat(sink.written()).containsOnlyKeys("a");
  }

  @Test
  void fails_transiently_as_often_as_told_and_shows_at_end_writes_only_when_finished() throws Exception {
    var sink = new InMemorySink(Sink.Commit.AT_END).failWritesTransiently(1);
    assertThatThrownBy(() -> sink.write(List.of(new SinkRecord(Map.of(), "a")))).isInstanceOf(TransientException.class);
    sink.write(List.of(new SinkRecord(Map.of(), "a")));
    assertThat(sink.written()).isEmpty();
    sink.finish();
    assertThat(sink.written()).containsOnlyKeys("a");
  }

  @Test
  void the_source_reads_in_batches_from_its_checkpoint() throws Exception {
    var source = new InMemorySource(List.of(Map.of("n", 1), Map.of("n", 2), Map.of("n", 3)));
    var first = source.read(Checkpoint.START, 2);
    var second = source.read(first.after(), 2);
    assertThat(first.records()).extracting(r -> r.position()).containsExactly("mem:1", "mem:2");
    assertThat(first.done()).isFalse();
    assertThat(second.records()).extracting(r -> r.value().get("n")).containsExactly(3);
    assertThat(second.done()).isTrue();
  }
}
