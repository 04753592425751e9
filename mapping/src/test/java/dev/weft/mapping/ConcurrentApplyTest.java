package dev.weft.mapping;

import static dev.weft.mapping.Rows.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.MapRow.Operation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** One compiled mapping shared by many threads gives every thread its own right answers. */
class ConcurrentApplyTest {

  @Test
  void manyThreadsApplyingOneMappingGetTheirOwnResults() throws Exception {
    RecordMapping mapping = RecordMapping.compile(List.of(
            copy("id", "id"),
            row("n", "doubled", new Operation.Expr("$ * 2 + $count($$.tags) + $config.bonus")),
            withRound(row("lb", "kg", new Operation.Convert("lb", "kg")), 3),
            row("at", "at", new Operation.Date(Optional.empty(), Optional.of("UTC"), Optional.empty()))),
        Optional.of("id % 7 != 0"))
        .mapping().orElseThrow();
    List<Future<List<String>>> futures = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
      for (int t = 0; t < 8; t++) {
        long base = t * 100_000L;
        futures.add(pool.submit(() -> {
          List<String> wrong = new ArrayList<>();
          for (long i = base; i < base + 2_000; i++) {
            Map<String, Object> input = record("id", i, "n", i, "tags", List.of("a", "b"), "lb", i, "at", i);
            Map<String, Object> config = Map.of("bonus", i % 3);
            Outcome outcome = mapping.apply(input, config);
            Outcome expected = i % 7 == 0
                ? new Outcome.Filtered()
                : new Outcome.Mapped(record(
                    "id", i,
                    "doubled", i * 2 + 2 + i % 3,
                    "kg", new BigDecimal(i).multiply(new BigDecimal("0.45359237")).setScale(3, java.math.RoundingMode.HALF_UP),
                    "at", java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(java.time.Instant.ofEpochSecond(i).atOffset(java.time.ZoneOffset.UTC))));
            if (!outcome.equals(expected)) wrong.add(i + ": " + outcome + " != " + expected);
          }
          return wrong;
        }));
      }
      for (Future<List<String>> f : futures) assertThat(f.get()).isEmpty();
    }
  }
}
