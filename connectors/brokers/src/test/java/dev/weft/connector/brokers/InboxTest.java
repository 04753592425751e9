package dev.weft.connector.brokers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class InboxTest {

  @Test
  void takesAtMostMaxAndLeavesTheRest() throws Exception {
    Inbox<Integer> inbox = new Inbox<>();
    for (int i = 0; i < 5; i++) inbox.put(i);
    assertThat(inbox.take(3, Duration.ofMillis(10), Duration.ofMillis(10))).containsExactly(0, 1, 2);
    assertThat(inbox.take(10, Duration.ofMillis(10), Duration.ofMillis(10))).containsExactly(3, 4);
    assertThat(inbox.take(10, Duration.ofMillis(10), Duration.ofMillis(10))).isEmpty();
  }

  @Test
  void waitsForAMessageThatComesWithinTheIdleTime() throws Exception {
    Inbox<String> inbox = new Inbox<>();
    Thread.ofVirtual().start(() -> inbox.put("late"));
    assertThat(inbox.take(1, Duration.ofSeconds(30), Duration.ofMillis(1))).containsExactly("late");
  }
}
