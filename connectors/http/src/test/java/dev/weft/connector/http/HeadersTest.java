package dev.weft.connector.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The small parsers: Link and Retry-After headers, query strings. */
class HeadersTest {
  private static final URI PAGE = URI.create("https://api.example/v2/items?page=1");

  @Test
  void linkFindsNextAmongOtherRelations() {
    assertThat(LinkHeader.next(List.of("<https://api.example/v2/items?page=1>; rel=\"prev\", <https://api.example/v2/items?page=3>; rel=\"next\""), PAGE))
        .contains(URI.create("https://api.example/v2/items?page=3"));
    assertThat(LinkHeader.next(List.of("<?page=2>; title=\"a, b\"; rel=\"last next\""), PAGE))
        .contains(URI.create("https://api.example/v2/items?page=2"));
    assertThat(LinkHeader.next(List.of("</v2/items?page=1>; rel=first", "</v2/items?page=4>; REL=Next"), PAGE))
        .contains(URI.create("https://api.example/v2/items?page=4"));
  }

  @Test
  void linkWithoutNextMeansTheLastPage() {
    assertThat(LinkHeader.next(List.of("<https://api.example/v2/items?page=1>; rel=\"first\""), PAGE)).isEmpty();
    assertThat(LinkHeader.next(List.of(), PAGE)).isEmpty();
    assertThat(LinkHeader.next(List.of("<https://api.example/next-steps>; rel=\"nextish\""), PAGE)).isEmpty();
  }

  @Test
  void retryAfterIsSecondsOrAnHttpDate() {
    Instant now = Instant.parse("2026-11-27T10:00:00Z");
    assertThat(RetryAfter.parse("7", now)).contains(Duration.ofSeconds(7));
    assertThat(RetryAfter.parse("Fri, 27 Nov 2026 10:00:30 GMT", now)).contains(Duration.ofSeconds(30));
    assertThat(RetryAfter.parse("Fri, 27 Nov 2026 09:00:00 GMT", now)).contains(Duration.ZERO);
    assertThat(RetryAfter.parse("soon", now)).isEmpty();
  }

  @Test
  void queryParametersAreReplacedNotRepeated() {
    URI uri = URI.create("https://api.example/items?status=open&page=1#top");

    assertThat(QueryString.with(uri, "page", "2")).hasToString("https://api.example/items?status=open&page=2#top");
    assertThat(QueryString.with(URI.create("https://api.example/items"), "q", "a b&c")).hasToString("https://api.example/items?q=a%20b%26c");
    assertThat(QueryString.without(uri, "status")).hasToString("https://api.example/items?page=1#top");
    assertThat(QueryString.without(URI.create("https://api.example/items?key=1"), "key")).hasToString("https://api.example/items");
  }

  @Test
  void durationsReadTheSpecsForms() {
    assertThat(DurationText.parse("500ms")).contains(Duration.ofMillis(500));
    assertThat(DurationText.parse("2m")).contains(Duration.ofMinutes(2));
    assertThat(DurationText.parse(30)).contains(Duration.ofSeconds(30));
    assertThat(DurationText.parse("fast")).isEqualTo(Optional.empty());
  }
}
