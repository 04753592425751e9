package dev.weft.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Order rows in the columns of examples/orders-csv-to-postgres.yaml, the same every time. */
final class OrdersCsv {
  private OrdersCsv() {}

  static void write(Path file, int rows) throws IOException {
    try (BufferedWriter w = Files.newBufferedWriter(file)) {
      w.write("order_id,customer_first,customer_last,email,weight_lb,total_cents,currency,created_at\n");
      for (int i = 1; i <= rows; i++) {
        w.write(String.format(Locale.ROOT, "A-%d,First%d,Last%d,User%d@Example.com,%s,%d,EUR,2026-01-%02dT10:00:00Z%n",
            i, i, i % 97, i, weightLb(i), 100 + i, 1 + i % 28));
      }
    }
  }

  static String weightLb(int i) {
    return (i % 50) + "." + (i % 10);
  }

  static BigDecimal weightKg(int i) {
    return new BigDecimal(weightLb(i)).multiply(new BigDecimal("0.45359237")).setScale(3, RoundingMode.HALF_UP);
  }
}
