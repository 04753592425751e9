package dev.weft.connector.brokers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.connector.Batch;
import dev.weft.connector.Checkpoint;
import dev.weft.connector.Connector;
import dev.weft.connector.Sink;
import dev.weft.connector.SinkRecord;
import dev.weft.connector.Source;
import dev.weft.connector.SourceRecord;
import dev.weft.connector.WriteResult;
import dev.weft.model.SystemDef;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every broker connector must do, run against a real broker by each subclass. */
public abstract class BrokerContract {
  protected String topic;
  protected String integration;

  protected abstract Connector connector();

  /** A system on the broker that may create what the topic needs. */
  protected abstract SystemDef system();

  protected abstract String freshTopic();

  protected abstract void publishRaw(String topic, byte[] body) throws Exception;

  @BeforeEach
  void names() {
    topic = freshTopic();
    integration = Contexts.unique("it");
  }

  protected Source openSource() throws Exception {
    return connector().openSource(Contexts.source(system(), topic, integration));
  }

  protected Sink openSink() throws Exception {
    return connector().openSink(Contexts.sink(system(), topic, integration));
  }

  protected static List<SinkRecord> records(int n, String prefix) {
    List<SinkRecord> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Map<String, Object> v = new LinkedHashMap<>();
      v.put("n", i);
      v.put("name", "order " + i);
      out.add(new SinkRecord(v, prefix + "-" + i));
    }
    return out;
  }

  /** Reads until an empty batch; does not commit. */
  protected static List<Batch> readAll(Source source) throws Exception {
    List<Batch> batches = new ArrayList<>();
    Checkpoint at = Checkpoint.START;
    while (true) {
      Batch b = source.read(at, 100);
      if (b.records().isEmpty()) {
        assertThat(b.done()).isTrue();
        return batches;
      }
      batches.add(b);
      at = b.after();
    }
  }

  protected static List<SourceRecord> recordsOf(List<Batch> batches) {
    return batches.stream().flatMap(b -> b.records().stream()).toList();
  }

  protected static List<Object> numbers(List<SourceRecord> records) {
    return records.stream().map(r -> (Object) ((Number) r.value().get("n")).intValue()).toList();
  }

  @Test
  void publishesABatchAndConsumesItBack() throws Exception {
    try (Source source = openSource()) {
      try (Sink sink = openSink()) {
        WriteResult result = sink.write(records(5, "a"));
        assertThat(result.written()).isEqualTo(5);
        assertThat(result.rejected()).isEmpty();
      }
      List<SourceRecord> got = recordsOf(readAll(source));
      assertThat(numbers(got)).containsExactly(0, 1, 2, 3, 4);
      assertThat(got.getFirst().value()).containsEntry("name", "order 0");
      assertPositions(got, records(5, "a"));
    }
  }

  /** The positions name the messages: by message id where the broker carries it. */
  protected void assertPositions(List<SourceRecord> got, List<SinkRecord> sent) {
    for (int i = 0; i < sent.size(); i++) assertThat(got.get(i).position()).endsWith(":" + sent.get(i).id());
  }

  @Test
  void messagesNotCommittedComeAgainToTheNextSource() throws Exception {
    try (Source first = openSource()) {
      try (Sink sink = openSink()) {
        sink.write(records(3, "b"));
      }
      assertThat(numbers(recordsOf(readAll(first)))).containsExactly(0, 1, 2);
    }
    try (Source second = openSource()) {
      List<Batch> again = readAll(second);
      assertThat(numbers(recordsOf(again))).containsExactly(0, 1, 2);
      second.committed(again.getLast().after());
    }
    try (Source third = openSource()) {
      assertThat(readAll(third)).isEmpty();
    }
  }

  @Test
  void committedMessagesAreGone() throws Exception {
    try (Source first = openSource()) {
      try (Sink sink = openSink()) {
        sink.write(records(4, "c"));
      }
      Batch batch = first.read(Checkpoint.START, 100);
      assertThat(batch.records()).hasSize(4);
      first.committed(batch.after());
      Batch idle = first.read(batch.after(), 100);
      assertThat(idle.records()).isEmpty();
      assertThat(idle.done()).isTrue();
      assertThat(idle.after()).isEqualTo(batch.after());
    }
    try (Source second = openSource()) {
      assertThat(readAll(second)).isEmpty();
    }
  }

  @Test
  void onlyTheCommittedBatchIsAcknowledged() throws Exception {
    try (Source first = openSource()) {
      try (Sink sink = openSink()) {
        sink.write(records(6, "d"));
      }
      Batch one = first.read(Checkpoint.START, 2);
      Batch two = first.read(one.after(), 100);
      assertThat(numbers(one.records())).containsExactly(0, 1);
      assertThat(numbers(two.records())).containsExactly(2, 3, 4, 5);
      first.committed(one.after());
    }
    try (Source second = openSource()) {
      assertThat(numbers(recordsOf(readAll(second)))).containsExactly(2, 3, 4, 5);
    }
  }

  @Test
  void anUnreadableMessageBecomesAnErrorRecord() throws Exception {
    try (Source source = openSource()) {
      publishRaw(topic, "{not json".getBytes(StandardCharsets.UTF_8));
      publishRaw(topic, "[{\"n\": 1}, {\"n\": 2}]".getBytes(StandardCharsets.UTF_8));
      List<Batch> batches = readAll(source);
      List<SourceRecord> got = recordsOf(batches);
      assertThat(got).hasSize(3);
      assertThat(got.getFirst().value()).containsKey(MessageRecords.ERROR).containsEntry(MessageRecords.RAW, "{not json");
      assertThat(numbers(got.subList(1, 3))).containsExactly(1, 2);
      assertThat(got.get(1).position()).endsWith("#0");
      source.committed(batches.getLast().after());
    }
    try (Source again = openSource()) {
      assertThat(readAll(again)).isEmpty();
    }
  }

  @Test
  void manyMessagesComeThroughWhenEachBatchIsCommitted() throws Exception {
    try (Source source = openSource()) {
      try (Sink sink = openSink()) {
        sink.write(records(150, "many"));
      }
      List<Object> got = new ArrayList<>();
      Checkpoint at = Checkpoint.START;
      while (true) {
        Batch b = source.read(at, 100);
        if (b.records().isEmpty()) break;
        got.addAll(numbers(b.records()));
        source.committed(b.after());
        at = b.after();
      }
      assertThat(got).hasSize(150).doesNotHaveDuplicates();
    }
  }

  @Test
  void stopsWhenIdle() throws Exception {
    try (Source source = openSource()) {
      Batch batch = source.read(new Checkpoint("earlier"), 100);
      assertThat(batch.records()).isEmpty();
      assertThat(batch.done()).isTrue();
      assertThat(batch.after().token()).isEqualTo("earlier");
    }
  }
}
