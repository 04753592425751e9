package dev.weft.connector.brokers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.connector.Checkpoint;
import java.util.List;
import org.junit.jupiter.api.Test;

class PendingAcksTest {

  @Test
  void committingABatchReleasesItAndEveryEarlierOne() {
    PendingAcks<Integer> pending = new PendingAcks<>("q");
    Checkpoint one = pending.add(List.of(1, 2));
    Checkpoint two = pending.add(List.of(3));
    Checkpoint three = pending.add(List.of(4, 5));
    assertThat(one).isNotEqualTo(two);
    assertThat(pending.release(two)).containsExactly(1, 2, 3);
    assertThat(pending.release(two)).isEmpty();
    assertThat(pending.release(one)).isEmpty();
    assertThat(pending.drain()).containsExactly(4, 5);
    assertThat(pending.release(three)).isEmpty();
  }

  @Test
  void anUnknownCheckpointReleasesNothing() {
    PendingAcks<Integer> pending = new PendingAcks<>("q");
    pending.add(List.of(1));
    assertThat(pending.release(new Checkpoint("q@99"))).isEmpty();
    assertThat(pending.release(Checkpoint.START)).isEmpty();
    assertThat(pending.drain()).containsExactly(1);
  }
}
