// Writes orders.csv for the quickstart: the same rows every time (a fixed seed).
// Run from the repository root: java examples/quickstart/GenerateOrders.java
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

public class GenerateOrders {
  static final String[] FIRST = {"Ada", "Grace", "Alan", "Edsger", "Barbara", "Donald", "Frances", "Ken", "Radia", "John"};
  static final String[] LAST = {"Lovelace", "Hopper", "Turing", "Dijkstra", "Liskov", "Knuth", "Allen", "Thompson", "Perlman", "Backus"};
  static final String[] STATUS = {"paid", "paid", "paid", "shipped", "shipped", "refunded"};

  public static void main(String[] args) throws IOException {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
    Path out = Path.of(args.length > 1 ? args[1] : "examples/quickstart/orders.csv");
    Random random = new Random(20261127L);
    List<String> lines = new ArrayList<>(rows + 1);
    lines.add("order_id,customer_first,customer_last,email,weight_lb,status,total_cents,created_at");
    for (int i = 1; i <= rows; i++) {
      String first = FIRST[random.nextInt(FIRST.length)];
      String last = LAST[random.nextInt(LAST.length)];
      String email = (first + "." + last + i + "@Example.com").toLowerCase(Locale.ROOT).replace("example", "Example");
      String weight = String.format(Locale.ROOT, "%.2f", 0.1 + random.nextInt(5000) / 100.0);
      String status = i % 500 == 0 ? "cancelled" : STATUS[random.nextInt(STATUS.length)];
      String total = Integer.toString(199 + random.nextInt(100_000));
      String created = String.format(Locale.ROOT, "2026-%02d-%02dT%02d:%02d:00Z", 1 + i % 12, 1 + i % 28, i % 24, i % 60);
      // Three rows a person would get wrong, so the dead letters have something to show.
      if (i == 17) weight = "ten";
      if (i == 1234) created = "yesterday";
      if (i == 2718) total = "n/a";
      lines.add(String.join(",", "Q-" + String.format(Locale.ROOT, "%05d", i), first, last, email, weight, status, total, created));
    }
    Files.write(out, lines);
    System.out.println("wrote " + rows + " orders to " + out);
  }
}
