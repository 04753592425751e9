package dev.weft.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;

/**
 * The Camel peer of workload 4: a platform-http route (Camel Main's embedded Vert.x server, its
 * blocking work on Vert.x's worker pool) that does what {@code weft serve} does with a webhook
 * before it answers: checks the HMAC-SHA256 signature of the raw body in constant time, checks
 * that the body is JSON, and inserts it into an inbox table shaped like Weft's (camel-sql on a
 * Hikari pool, auto-commit: the row is committed before the 202 that carries its id).
 *
 * <p>{@code CamelWebhookInbox PORT JDBC_URL TABLE SECRET}; runs until killed.
 */
public final class CamelWebhookInbox {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A request whose signature is missing or wrong. */
  static final class Unsigned extends Exception {
    Unsigned() {
      super("the signature is missing or wrong", null, false, false);
    }
  }

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    String url = args[1];
    String table = args[2];
    byte[] secret = args[3].getBytes(StandardCharsets.UTF_8);
    HikariDataSource ds = new HikariDataSource();
    ds.setJdbcUrl(url);
    ds.setMaximumPoolSize(20); // one per Vert.x worker thread
    Main main = new Main();
    main.bind("ds", ds);
    main.configure().httpServer().withEnabled(true).withPort(port);
    main.configure().addRoutesBuilder(new RouteBuilder() {
      @Override
      public void configure() {
        onException(Unsigned.class).handled(true)
            .setHeader(Exchange.HTTP_RESPONSE_CODE, constant(401))
            .setBody(constant("{\"error\":\"the signature is missing or wrong\"}"));
        onException(com.fasterxml.jackson.core.JsonProcessingException.class).handled(true)
            .setHeader(Exchange.HTTP_RESPONSE_CODE, constant(400))
            .setBody(constant("{\"error\":\"the body is not JSON\"}"));
        from("platform-http:/hooks/{instance}/{path}?httpMethodRestrict=POST")
            .process(e -> {
              byte[] body = e.getMessage().getBody(byte[].class);
              String signature = e.getMessage().getHeader("X-Signature", String.class);
              Mac mac = Mac.getInstance("HmacSHA256");
              mac.init(new SecretKeySpec(secret, "HmacSHA256"));
              byte[] expected = mac.doFinal(body);
              if (signature == null || !MessageDigest.isEqual(expected, parseHex(signature))) throw new Unsigned();
              JSON.readTree(body);
              e.getMessage().setBody(new String(body, StandardCharsets.UTF_8));
            })
            .to("sql:INSERT INTO " + table + " (instance, flow, payload, received_at)"
                + " VALUES (:#${header.instance}, :#${header.path}, :#${body}, now()) RETURNING id"
                + "?dataSource=#ds&outputType=SelectOne")
            .removeHeaders("*")
            .setHeader(Exchange.HTTP_RESPONSE_CODE, constant(202))
            .setHeader(Exchange.CONTENT_TYPE, constant("application/json"))
            .setBody(simple("{\"id\":${body}}"));
      }
    });
    main.run();
  }

  private static byte[] parseHex(String hex) {
    try {
      return HexFormat.of().parseHex(hex.startsWith("sha256=") ? hex.substring(7) : hex);
    } catch (IllegalArgumentException e) {
      return new byte[0];
    }
  }
}
