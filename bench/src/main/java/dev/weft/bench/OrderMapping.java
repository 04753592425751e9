package dev.weft.bench;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The mapping of {@code orders-csv-to-postgres.yaml}, hand-written for the peers: concat the
 * names, lower-case the email, pounds to kilograms rounded to 3, cents to a decimal total.
 */
final class OrderMapping {
  private static final BigDecimal KG_PER_LB = new BigDecimal("0.45359237");

  private OrderMapping() {}

  static Map<String, Object> map(Map<String, ?> raw) {
    Map<String, Object> out = new LinkedHashMap<>(8);
    out.put("order_id", String.valueOf(raw.get("order_id")));
    out.put("customer_name", raw.get("customer_first") + " " + raw.get("customer_last"));
    out.put("email", String.valueOf(raw.get("email")).toLowerCase(Locale.ROOT));
    out.put("weight_kg", new BigDecimal(String.valueOf(raw.get("weight_lb"))).multiply(KG_PER_LB).setScale(3, RoundingMode.HALF_UP));
    out.put("total", new BigDecimal(String.valueOf(raw.get("total_cents"))).movePointLeft(2));
    out.put("currency", String.valueOf(raw.get("currency")));
    out.put("created_at", String.valueOf(raw.get("created_at")));
    return out;
  }
}
