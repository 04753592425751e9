package dev.weft.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class IdMapTest {
  private final Store store = Store.open("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");

  @AfterEach
  void close() {
    store.close();
  }

  static SyncCommit commit(String run, List<IdPair> pairs, List<String> forget, List<NewConflict> conflicts, Optional<String> checkpoint) {
    return new SyncCommit(run, "acme", "contacts", pairs, forget, conflicts, List.of(), new SideCounts("crm /contacts", 3, 1, 1, 0, 1, 0),
        new SideCounts("desk.customers", 2, 0, 1, 1, 0, 1), checkpoint);
  }

  @Test
  void a_sync_commit_stores_pairs_conflicts_counts_and_the_watermarks_together() {
    String run = store.runs().start(new RunStart("i", "v", "acme", "contacts", "manual"));
    var conflict = new NewConflict("a1", "b1", Optional.of(Map.of("phone", "1")), Optional.empty(), "a", "prefer-a: a's version is kept");

    store.commitSync(commit(run, List.of(IdPair.of("a1", "b1", "h1", "g1"), IdPair.of("a2", "b2", "h2", "g2")), List.of(),
        List.of(conflict), Optional.empty()));
    store.commitSync(commit(run, List.of(IdPair.of("a1", "b9", "h1x", "g9")), List.of("a2"), List.of(), Optional.of("{\"a\":\"t\"}")));

    assertThat(store.idMap().byA("acme", "contacts", List.of("a1", "a2", "a3"))).containsOnlyKeys("a1")
        .containsEntry("a1", IdPair.of("a1", "b9", "h1x", "g9"));
    assertThat(store.idMap().byB("acme", "contacts", List.of("b1", "b9"))).containsOnlyKeys("b9");
    assertThat(store.idMap().byA("other", "contacts", List.of("a1"))).isEmpty();
    assertThat(store.checkpoints().get("acme", "contacts")).contains("{\"a\":\"t\"}");
    assertThat(store.syncHistory().conflictsOf(run)).singleElement().satisfies(c -> {
      assertThat(c.aVersion()).contains(Map.of("phone", "1"));
      assertThat(c.bVersion()).isEmpty();
      assertThat(c.winner()).isEqualTo("a");
    });
    assertThat(store.syncHistory().sides(run).orElseThrow()).containsExactly(
        new SideCounts("crm /contacts", 6, 2, 2, 0, 2, 0), new SideCounts("desk.customers", 4, 0, 2, 2, 0, 2));
    assertThat(store.runs().get(run).orElseThrow().counts()).isEqualTo(new Counts(10, 8, 2, 0, 0));
  }

  @Test
  void many_pairs_are_stored_and_looked_up_in_chunks() {
    String run = store.runs().start(new RunStart("i", "v", "acme", "contacts", "manual"));
    List<IdPair> pairs = IntStream.range(0, 6000).mapToObj(i -> IdPair.of("a" + i, "b" + i, "h", "g")).toList();
    store.commitSync(commit(run, pairs, List.of(), List.of(), Optional.empty()));

    List<String> some = new ArrayList<>();
    for (int i = 0; i < 6000; i += 3) some.add("b" + i);
    assertThat(store.idMap().byB("acme", "contacts", some)).hasSize(2000).containsEntry("b3", IdPair.of("a3", "b3", "h", "g"));
    assertThat(store.idMap().count("acme", "contacts")).isEqualTo(6000);
    long[] seen = {0};
    store.idMap().forEach("acme", "contacts", p -> seen[0]++);
    assertThat(seen[0]).isEqualTo(6000);
    store.idMap().reset("acme", "contacts");
    assertThat(store.idMap().count("acme", "contacts")).isZero();
  }
}
