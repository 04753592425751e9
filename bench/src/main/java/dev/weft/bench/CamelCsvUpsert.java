package dev.weft.bench;

import com.zaxxer.hikari.HikariDataSource;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.Exchange;
import org.apache.camel.builder.AggregationStrategies;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.dataformat.csv.CsvDataFormat;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * The Camel peer of workload 1, tuned as Camel's documentation recommends for large files: the
 * CSV data format with lazy loading (an iterator, not a list of every row), a streaming split, an
 * aggregator grouping 1,000 rows, and camel-sql in batch mode on a pooled data source with pgjdbc's
 * rewritten batch inserts.
 *
 * <p>{@code CamelCsvUpsert DIR JDBC_URL ROWS}
 */
public final class CamelCsvUpsert {
  public static void main(String[] args) throws Exception {
    String dir = args[0];
    String url = args[1];
    long rows = Long.parseLong(args[2]);
    try (HikariDataSource ds = new HikariDataSource()) {
      ds.setJdbcUrl(url + (url.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true");
      ds.setMaximumPoolSize(4);
      AtomicLong written = new AtomicLong();
      CountDownLatch done = new CountDownLatch(1);
      try (DefaultCamelContext camel = new DefaultCamelContext()) {
        camel.getRegistry().bind("ds", ds);
        CsvDataFormat csv = new CsvDataFormat();
        csv.setLazyLoad(true);
        csv.setUseMaps(true);
        camel.addRoutes(
            new RouteBuilder() {
              @Override
              public void configure() {
                from("file:" + dir + "?noop=true&include=.*\\.csv&initialDelay=0")
                    .unmarshal(csv)
                    .split(body()).streaming()
                        .process(e -> e.getMessage().setBody(OrderMapping.map(e.getMessage().getBody(Map.class))))
                        .aggregate(constant(true), AggregationStrategies.groupedBody())
                            .completionSize(1000)
                            .completionPredicate(exchangeProperty(Exchange.SPLIT_COMPLETE).isEqualTo(true))
                            .process(e -> e.setProperty("rows", e.getMessage().getBody(java.util.List.class).size()))
                            .to("sql:" + camelSql() + "?dataSource=#ds&batch=true")
                            .process(e -> {
                              if (written.addAndGet(e.getProperty("rows", Integer.class)) >= rows) done.countDown();
                            })
                        .end()
                    .end();
              }
            });
        camel.start();
        if (!done.await(30, TimeUnit.MINUTES)) throw new IllegalStateException("Camel did not finish: " + written.get() + " of " + rows);
      }
      System.out.println("camel wrote " + written.get() + " rows");
    }
  }

  static String camelSql() {
    return BenchDatabase.UPSERT
        .replaceFirst("VALUES \\(.*\\) ON", "VALUES (:#order_id, :#customer_name, :#email, :#weight_kg, :#total, :#currency, CAST(:#created_at AS timestamptz)) ON");
  }
}
