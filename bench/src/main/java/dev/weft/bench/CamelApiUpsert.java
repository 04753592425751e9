package dev.weft.bench;

import com.zaxxer.hikari.HikariDataSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.dataformat.JsonLibrary;

/**
 * The Camel peer of workload 2: a timer starts a loop that follows the API's cursor, each page
 * unmarshalled with Jackson, mapped, and written with camel-sql in batch mode.
 *
 * <p>{@code CamelApiUpsert BASE_URL JDBC_URL ROWS}
 */
public final class CamelApiUpsert {
  @SuppressWarnings("unchecked")
  public static void main(String[] args) throws Exception {
    String api = args[0];
    String url = args[1];
    long rows = Long.parseLong(args[2]);
    try (HikariDataSource ds = new HikariDataSource()) {
      ds.setJdbcUrl(url + (url.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true");
      ds.setMaximumPoolSize(4);
      AtomicLong written = new AtomicLong();
      CountDownLatch done = new CountDownLatch(1);
      try (DefaultCamelContext camel = new DefaultCamelContext()) {
        camel.getRegistry().bind("ds", ds);
        camel.addRoutes(
            new RouteBuilder() {
              @Override
              public void configure() {
                from("timer:pages?repeatCount=1&delay=0")
                    .setProperty("cursor", constant("0"))
                    .loopDoWhile(exchangeProperty("cursor").isNotNull())
                        .removeHeaders("*")
                        .toD(api + "/orders?cursor=${exchangeProperty.cursor}&limit=1000")
                        .unmarshal().json(JsonLibrary.Jackson, Map.class)
                        .process(e -> {
                          Map<String, Object> page = e.getMessage().getBody(Map.class);
                          e.setProperty("cursor", page.get("next_cursor"));
                          List<Map<String, Object>> orders = (List<Map<String, Object>>) page.get("orders");
                          e.getMessage().setBody(orders.stream().map(OrderMapping::map).toList());
                        })
                        .to("sql:" + CamelCsvUpsert.camelSql() + "?dataSource=#ds&batch=true")
                        .process(e -> written.addAndGet(1000))
                    .end()
                    .process(e -> done.countDown());
              }
            });
        camel.start();
        if (!done.await(30, TimeUnit.MINUTES)) throw new IllegalStateException("Camel did not finish");
      }
      System.out.println("camel read about " + Math.min(written.get(), rows) + " rows");
    }
  }
}
