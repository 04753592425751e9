package dev.weft.mapping.bench;

import dev.weft.mapping.Outcome;
import dev.weft.mapping.RecordMapping;
import dev.weft.model.MapRow;
import dev.weft.model.MapRow.Operation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures records per second through the map rows of the {@code orders} flow of
 * {@code shared/examples/orders-csv-to-postgres.yaml} (CSV rows: every field a string). A plain
 * main, not a test: {@code java -cp <test classpath> dev.weft.mapping.bench.OrdersMappingThroughput [records] [threads]}.
 */
public final class OrdersMappingThroughput {
  /** CPU time per thread: on a shared machine wall time says more about the neighbours than about us. */
  private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

  static final List<MapRow> ORDERS = List.of(
      row(List.of("order_id"), false, "order_id", new Operation.Copy(), Optional.empty()),
      row(List.of("customer_first", "customer_last"), true, "customer_name", new Operation.Concat(" "), Optional.empty()),
      row(List.of("email"), false, "email", new Operation.Expr("$lowercase($)"), Optional.empty()),
      row(List.of("weight_lb"), false, "weight_kg", new Operation.Convert("lb", "kg"), Optional.of(3)),
      row(List.of("total_cents"), false, "total", new Operation.Expr("$number($) / 100"), Optional.empty()),
      row(List.of("currency"), false, "currency", new Operation.Copy(), Optional.empty()),
      row(List.of("created_at"), false, "created_at", new Operation.Date(Optional.empty(), Optional.empty(), Optional.empty()), Optional.empty()));

  private static MapRow row(List<String> from, boolean list, String to, Operation op, Optional<Integer> round) {
    return new MapRow(from, list, List.of(to), op, Optional.empty(), false, round);
  }

  public static void main(String[] args) throws Exception {
    int records = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : 1;
    long compileStart = System.nanoTime();
    RecordMapping mapping = RecordMapping.compile(ORDERS, Optional.empty()).mapping().orElseThrow();
    System.out.printf("compile: %.2f ms%n", (System.nanoTime() - compileStart) / 1e6);
    List<Map<String, Object>> input = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("order_id", "A-" + i);
      r.put("customer_first", "Ada" + (i % 97));
      r.put("customer_last", "Lovelace");
      r.put("email", "ADA" + i + "@Example.com");
      r.put("weight_lb", Integer.toString(i % 500) + "." + (i % 10));
      r.put("total_cents", Integer.toString(1000 + i));
      r.put("currency", "EUR");
      r.put("created_at", "2026-01-05T10:11:" + String.format("%02d", i % 60) + "-05:00");
      input.add(r);
    }
    Map<String, Object> config = Map.of();
    for (int round = 1; round <= 3; round++) {
      AtomicLong invalid = new AtomicLong();
      AtomicLong cpuNanos = new AtomicLong();
      long start = System.nanoTime();
      List<Thread> workers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int share = records / threads;
        workers.add(Thread.ofPlatform().start(() -> {
          long cpuStart = THREADS.getCurrentThreadCpuTime();
          for (int i = 0; i < share; i++) {
            if (!(mapping.apply(input.get(i % input.size()), config) instanceof Outcome.Mapped)) invalid.incrementAndGet();
          }
          cpuNanos.addAndGet(THREADS.getCurrentThreadCpuTime() - cpuStart);
        }));
      }
      for (Thread w : workers) w.join();
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf("round %d: %d records in %.2f s = %,.0f records/s wall, %,.0f records per CPU-second (%d threads, %d invalid)%n",
          round, records, seconds, records / seconds, records / (cpuNanos.get() / 1e9), threads, invalid.get());
    }
    System.out.println("sample: " + mapping.apply(input.get(7), config));
  }
}
