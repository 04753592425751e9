package dev.weft.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.connector.Batch;
import dev.weft.connector.Checkpoint;
import dev.weft.connector.ConfigException;
import dev.weft.connector.SourceRecord;
import dev.weft.store.NewDeadLetter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InboxSourceTest {
  private static InboxClaims.Claimed row(long id, String deliveryId, String payload) {
    return new InboxClaims.Claimed(id, Optional.ofNullable(deliveryId), payload, 0);
  }

  /** Each element of the "order" array is a record; a body without it is refused, as a run reading it would. */
  @SuppressWarnings("unchecked")
  private static List<SourceRecord> orders(Object document, String name) throws ConfigException {
    Object at = ((Map<String, Object>) document).get("order");
    if (at == null) throw new ConfigException("the input has nothing at 'order'", null);
    List<SourceRecord> out = new ArrayList<>();
    for (Object o : (List<Object>) at) out.add(new SourceRecord((Map<String, Object>) o, name + "#" + (out.size() + 1)));
    return out;
  }

  @Test
  void records_of_every_delivery_in_order_with_positions_naming_the_delivery_and_commits_covering_whole_deliveries() {
    List<List<Long>> done = new ArrayList<>();
    List<NewDeadLetter> letters = new ArrayList<>();
    InboxSource source = new InboxSource(List.of(
        row(1, "d-1", "{\"order\": [{\"id\": 1}, {\"id\": 2}, {\"id\": 3}]}"),
        row(2, null, "{\"note\": \"nothing\"}"),
        row(3, "d-3", "{\"order\": [{\"id\": 4}]}")), InboxSourceTest::orders,
        (rows, rejected) -> {
          done.add(rows.stream().map(InboxClaims.Claimed::id).toList());
          letters.addAll(rejected);
        });

    Batch first = source.read(Checkpoint.START, 2);
    assertThat(first.records()).extracting(SourceRecord::position).containsExactly("d-1#1", "d-1#2");
    assertThat(first.done()).isFalse();
    source.committed(first.after());
    assertThat(done).as("delivery 1 is not whole yet").isEmpty();

    Batch second = source.read(first.after(), 2);
    assertThat(second.records()).extracting(SourceRecord::position).containsExactly("d-1#3", "d-3#1");
    assertThat(second.done()).isTrue();
    source.committed(second.after());
    assertThat(done).containsExactly(List.of(1L, 2L, 3L));
    assertThat(letters).singleElement().satisfies(l -> {
      assertThat(l.position()).isEqualTo("inbox-2");
      assertThat(l.reason()).contains("nothing at 'order'");
    });
    assertThat(source.uncommitted()).isEmpty();
    source.committedAll();
    assertThat(done).as("nothing committed twice").hasSize(1);
  }

  @Test
  void a_failed_run_leaves_what_was_not_committed() {
    InboxSource source = new InboxSource(List.of(row(1, "a", "{\"order\": [{\"id\": 1}]}"), row(2, "b", "{\"order\": [{\"id\": 2}]}")),
        InboxSourceTest::orders, (rows, rejected) -> {});
    Batch first = source.read(Checkpoint.START, 1);
    source.committed(first.after());
    source.read(first.after(), 1);
    assertThat(source.uncommitted()).extracting(InboxClaims.Claimed::id).containsExactly(2L);
  }

  @Test
  void retry_waits_double_from_the_first_up_to_the_longest() {
    InboxTuning t = InboxTuning.defaults();
    assertThat(t.retryAfter(1)).isEqualTo(Duration.ofSeconds(10));
    assertThat(t.retryAfter(2)).isEqualTo(Duration.ofSeconds(20));
    assertThat(t.retryAfter(9)).isEqualTo(Duration.ofSeconds(2560));
    assertThat(t.retryAfter(10)).isEqualTo(Duration.ofHours(1));
    assertThat(t.retryAfter(10_000)).isEqualTo(Duration.ofHours(1));
  }
}
