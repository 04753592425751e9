package dev.weft.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.HashMap;
import java.util.Map;

/**
 * The floor of workload 2: what a careful engineer writes by hand — java.net.http, Jackson
 * streaming, one JDBC batch upsert per page with pgjdbc's rewritten batch inserts.
 *
 * <p>{@code HandWrittenApiUpsert BASE_URL JDBC_URL}
 */
public final class HandWrittenApiUpsert {
  public static void main(String[] args) throws Exception {
    String api = args[0];
    String url = args[1];
    HttpClient http = HttpClient.newHttpClient();
    JsonFactory json = new JsonFactory();
    long total = 0;
    try (Connection db = DriverManager.getConnection(url + (url.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true")) {
      db.setAutoCommit(false);
      try (PreparedStatement upsert = db.prepareStatement(BenchDatabase.UPSERT)) {
        String cursor = "0";
        while (cursor != null) {
          HttpResponse<InputStream> page =
              http.send(HttpRequest.newBuilder(URI.create(api + "/orders?cursor=" + cursor + "&limit=1000")).build(),
                  HttpResponse.BodyHandlers.ofInputStream());
          String next = null;
          try (JsonParser p = json.createParser(page.body())) {
            p.nextToken();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
              String field = p.currentName();
              p.nextToken();
              if (field.equals("orders")) {
                while (p.nextToken() == JsonToken.START_OBJECT) {
                  Map<String, Object> raw = new HashMap<>();
                  while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    raw.put(name, p.getText());
                  }
                  Map<String, Object> o = OrderMapping.map(raw);
                  upsert.setString(1, (String) o.get("order_id"));
                  upsert.setString(2, (String) o.get("customer_name"));
                  upsert.setString(3, (String) o.get("email"));
                  upsert.setBigDecimal(4, (BigDecimal) o.get("weight_kg"));
                  upsert.setBigDecimal(5, (BigDecimal) o.get("total"));
                  upsert.setString(6, (String) o.get("currency"));
                  upsert.setString(7, (String) o.get("created_at"));
                  upsert.addBatch();
                  total++;
                }
              } else if (field.equals("next_cursor")) {
                next = p.currentToken() == JsonToken.VALUE_NULL ? null : p.getText();
              } else {
                p.skipChildren();
              }
            }
          }
          upsert.executeBatch();
          db.commit();
          cursor = next;
        }
      }
    }
    System.out.println("hand-written client wrote " + total + " rows");
  }
}
