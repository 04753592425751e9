package dev.weft.spec.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.Endpoint;
import dev.weft.model.SystemDef.RateLimit;
import dev.weft.spec.internal.bind.Values;
import dev.weft.spec.internal.format.Suggestions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValuesTest {

  @Test
  void durations() {
    assertThat(Values.duration("500ms")).contains(Duration.ofMillis(500));
    assertThat(Values.duration("2s")).contains(Duration.ofSeconds(2));
    assertThat(Values.duration("5m")).contains(Duration.ofMinutes(5));
    assertThat(Values.duration("1h")).contains(Duration.ofHours(1));
    assertThat(Values.duration("2 seconds")).isEmpty();
    assertThat(Values.duration("1.5s")).isEmpty();
  }

  @Test
  void everySchedules() {
    assertThat(Values.every("every 15 minutes")).contains(Duration.ofMinutes(15));
    assertThat(Values.every("every 1 minute")).contains(Duration.ofMinutes(1));
    assertThat(Values.every("every 1 hour")).contains(Duration.ofHours(1));
    assertThat(Values.every("every 15m")).contains(Duration.ofMinutes(15));
    assertThat(Values.every("every 2h")).contains(Duration.ofHours(2));
    assertThat(Values.every("every 1 day")).contains(Duration.ofDays(1));
    assertThat(Values.every("every day")).contains(Duration.ofDays(1));
    assertThat(Values.every("every 0 minutes")).isEmpty();
    assertThat(Values.every("every 2 weeks")).isEmpty();
    assertThat(Values.every("hourly")).isEmpty();
  }

  @Test
  void endpoints() {
    assertThat(Values.endpoint("GET /orders?x=1")).contains(new Endpoint("GET", "/orders?x=1"));
    assertThat(Values.endpoint("PUT /contacts/{{external_id}}")).contains(new Endpoint("PUT", "/contacts/{{external_id}}"));
    assertThat(Values.endpointProblem("/orders")).hasValueSatisfying(m -> assertThat(m).contains("needs a method"));
    assertThat(Values.endpointProblem("get /orders")).hasValueSatisfying(m -> assertThat(m).contains("capitals"));
    assertThat(Values.endpointProblem("GET orders")).hasValueSatisfying(m -> assertThat(m).contains("must start with '/'"));
    assertThat(Values.endpointProblem("HEAD /x")).hasValueSatisfying(m -> assertThat(m).contains("unknown HTTP method 'HEAD'"));
  }

  @Test
  void ratesAndUnits() {
    assertThat(Values.rate("5/s")).contains(new RateLimit(5, Duration.ofSeconds(1)));
    assertThat(Values.rate("100/m")).contains(new RateLimit(100, Duration.ofMinutes(1)));
    assertThat(Values.rate("5/h")).isEmpty();
    assertThat(Values.units("lb -> kg")).hasValueSatisfying(u -> assertThat(u).containsExactly("lb", "kg"));
    assertThat(Values.units("degF->degC")).hasValueSatisfying(u -> assertThat(u).containsExactly("degF", "degC"));
    assertThat(Values.units("[lb_av] -> kg")).hasValueSatisfying(u -> assertThat(u).containsExactly("[lb_av]", "kg"));
    assertThat(Values.units("lb to kg")).isEmpty();
  }

  @Test
  void suggestionsAreCloseWordsOnly() {
    List<String> keys = List.of("connection", "url", "auth", "format");
    assertThat(Suggestions.closest("conection", keys)).contains("connection");
    assertThat(Suggestions.closest("fromat", keys)).contains("format");
    assertThat(Suggestions.closest("zzz", keys)).isEmpty();
    assertThat(Suggestions.closest("x", List.of())).isEmpty();
  }
}
