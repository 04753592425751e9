package dev.weft.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.testkit.Services;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StorePostgresIT {

  @Test
  void the_same_migrations_run_on_postgresql_in_their_own_schema() {
    Services.POSTGRESQL.require();
    String schema = "weft_store_it_" + Long.toHexString(System.nanoTime());
    try (Store store = Store.open(Services.POSTGRESQL.url() + "&currentSchema=" + schema)) {
      String run = store.runs().start(new RunStart("i", "v", "default", "orders", "manual"));
      var letter = new NewDeadLetter("p", "map", "bad", Map.of("a", List.of(1, 2)), Optional.empty());
      store.commitBatch(new BatchCommit(run, "default", "orders", Optional.of("10"), List.of(letter), new Counts(10, 9, 1, 0, 0)));
      store.commitBatch(new BatchCommit(run, "default", "orders", Optional.of("20"), List.of(), new Counts(10, 10, 0, 0, 0)));
      assertThat(store.checkpoints().get("default", "orders")).contains("20");
      assertThat(store.runs().get(run).orElseThrow().counts().written()).isEqualTo(19);
      assertThat(store.deadLetters().pending("default", Optional.empty(), 5).get(0).sourceRecord().get("a")).isEqualTo(List.of(1, 2));

      var pairs = java.util.stream.IntStream.range(0, 6000).mapToObj(i -> IdPair.of("a" + i, "b" + i, "h" + i, "g" + i)).toList();
      store.commitSync(IdMapTest.commit(run, pairs, List.of(), List.of(), Optional.of("{}")));
      assertThat(store.idMap().byB("acme", "contacts", List.of("b17", "b5999", "nope"))).containsOnlyKeys("b17", "b5999");
      assertThat(store.syncHistory().sides(run)).isPresent();
    }
  }
}
