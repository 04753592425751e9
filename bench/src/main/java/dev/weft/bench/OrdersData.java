package dev.weft.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The benchmark's orders, generated deterministically: the same seed and row count give the same
 * bytes on every machine. {@code raw} is the warehouse CSV that the flows read; {@code mapped} is the
 * same rows already mapped as the spec maps them, for the {@code \copy} floors.
 */
public final class OrdersData {
  static final String RAW_HEADER = "order_id,customer_first,customer_last,email,weight_lb,total_cents,currency,created_at";
  private static final String[] FIRST = {"Ada", "Grace", "Alan", "Edsger", "Barbara", "Donald", "Frances", "Ken", "Margaret", "Niklaus", "Radia", "Tim"};
  private static final String[] LAST = {"Lovelace", "Hopper", "Turing", "Dijkstra", "Liskov", "Knuth", "Allen", "Thompson", "Hamilton", "Wirth", "Perlman", "Berners-Lee"};
  private static final String[] CURRENCY = {"EUR", "USD", "GBP"};
  private static final BigDecimal KG_PER_LB = new BigDecimal("0.45359237");
  private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");
  private static final long EPOCH = Instant.parse("2026-01-01T00:00:00Z").getEpochSecond();

  /** One order as generated. */
  record Order(String id, String first, String last, String email, String weightLb, long totalCents, String currency, String createdAt) {

    String rawCsv() {
      return String.join(",", id, first, last, email, weightLb, Long.toString(totalCents), currency, createdAt);
    }

    /** order_id, customer_name, email, weight_kg, total, currency, created_at — as the spec maps it. */
    String mappedCsv() {
      BigDecimal kg = new BigDecimal(weightLb).multiply(KG_PER_LB).setScale(3, RoundingMode.HALF_UP);
      BigDecimal total = BigDecimal.valueOf(totalCents, 2);
      return String.join(",", id, first + " " + last, email.toLowerCase(Locale.ROOT), kg.toPlainString(), total.toPlainString(), currency, createdAt);
    }
  }

  static Order order(long i) {
    SplittableRandom r = new SplittableRandom(0x5EED + i * 0x9E3779B97F4A7C15L);
    String first = FIRST[r.nextInt(FIRST.length)];
    String last = LAST[r.nextInt(LAST.length)];
    String email = first + "." + last.replace("-", "") + i + "@Example.com";
    String weight = BigDecimal.valueOf(r.nextInt(10, 8000), 2).toPlainString();
    long cents = r.nextLong(100, 500_000);
    String created = TS.format(Instant.ofEpochSecond(EPOCH + i * 7).atOffset(ZoneOffset.ofHours(r.nextInt(-5, 6))));
    return new Order(String.format(Locale.ROOT, "O-%08d", i), first, last, email, weight, cents, CURRENCY[r.nextInt(3)], created);
  }

  static void write(Path file, long rows, boolean mapped) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      if (!mapped) out.write(RAW_HEADER + "\n");
      for (long i = 1; i <= rows; i++) {
        Order o = order(i);
        out.write(mapped ? o.mappedCsv() : o.rawCsv());
        out.write('\n');
      }
    }
  }

  /** {@code OrdersData raw|mapped FILE ROWS}. */
  public static void main(String[] args) throws IOException {
    if (args.length != 3) {
      System.err.println("usage: OrdersData raw|mapped FILE ROWS");
      System.exit(2);
    }
    write(Path.of(args[1]), Long.parseLong(args[2]), args[0].equals("mapped"));
  }
}
