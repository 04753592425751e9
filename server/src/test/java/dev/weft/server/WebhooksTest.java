package dev.weft.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebhooksTest {
  private static boolean json(String body) {
    return Webhooks.isJson(body.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void a_body_is_json_when_it_is_one_whole_value() {
    assertThat(json("{\"id\": 1, \"items\": [{\"sku\": \"a\\u00e9\"}, null, true]}")).isTrue();
    assertThat(json(" [1, 2.5e3, \"x\"] \n")).isTrue();
    assertThat(json("42")).isTrue();
  }

  @Test
  void a_body_is_not_json_when_empty_cut_short_or_followed_by_more() {
    assertThat(json("")).isFalse();
    assertThat(json("  ")).isFalse();
    assertThat(json("{\"id\": 1")).isFalse();
    assertThat(json("{\"id\": 1}}")).isFalse();
    assertThat(json("{\"id\": 1} {\"id\": 2}")).isFalse();
    assertThat(json("{\"id\": \"a\u0001b\"}")).isFalse();
    assertThat(json("id=1&x=2")).isFalse();
  }
}
