package dev.weft.formats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.SystemDef.Format;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RoundTripTest {
  private static Map<String, Object> map(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
    return m;
  }

  private final List<Map<String, Object>> orders = List.of(
      map("id", 1L, "total", new BigDecimal("19.90"), "customer", map("name", "Ada, \"A.\""), "tags", List.of("x", "y"), "gift", null),
      map("id", 2L, "total", new BigDecimal("5.00"), "customer", map("name", "Bob\nline"), "tags", List.of(), "gift", true));

  @Test
  void jsonKeepsTypesAndCanWrapTheArray() throws IOException {
    FormatOptions options = FormatOptions.defaults().withRecords(Optional.of("data.orders"));
    String text = Records.write(Format.JSON, orders, options);
    assertThat(text).startsWith("{\"data\":{\"orders\":[");
    assertThat(Records.read(Format.JSON, text, options)).isEqualTo(orders);
  }

  @Test
  void ndjsonIsOneLinePerRecord() throws IOException {
    String text = Records.write(Format.NDJSON, orders, FormatOptions.defaults());
    assertThat(text.lines()).hasSize(2);
    assertThat(text).endsWith("}\n");
    assertThat(Records.read(Format.NDJSON, text, FormatOptions.defaults())).isEqualTo(orders);
    assertThat(Records.write(Format.NDJSON, List.of(), FormatOptions.defaults())).isEmpty();
  }

  @Test
  void csvWritesTheFirstRecordsKeysAndNestedValuesAsJson() throws IOException {
    String text = Records.write(Format.CSV, orders, FormatOptions.defaults());
    assertThat(text.lines().findFirst()).contains("id,total,customer,tags,gift");
    assertThat(Records.read(Format.CSV, text, FormatOptions.defaults())).containsExactly(
        map("id", "1", "total", "19.90", "customer", "{\"name\":\"Ada, \\\"A.\\\"\"}", "tags", "[\"x\",\"y\"]", "gift", ""),
        map("id", "2", "total", "5.00", "customer", "{\"name\":\"Bob\\nline\"}", "tags", "[]", "gift", "true"));
  }

  @Test
  void xmlRoundTripsAttributesTextAndLists() throws IOException {
    List<Map<String, Object>> invoices = List.of(
        map("@id", "A1", "Customer", "Ada & Co <x>", "Line", List.of(map("@sku", "S1", "#text", "2"), map("@sku", "S2", "#text", "3"))),
        map("@id", "A2", "Customer", "Bob", "Line", map("@sku", "S9", "#text", "1")));
    FormatOptions options = FormatOptions.defaults().withRecords(Optional.of("Invoices.Invoice"));
    String text = Records.write(Format.XML, invoices, options);
    assertThat(text).contains("<Invoices><Invoice id=\"A1\">");
    assertThat(Records.read(Format.XML, text, options)).isEqualTo(invoices);
  }

  @Test
  void xmlWritesScalarsAsTextAndFixesBadNames() throws IOException {
    String text = Records.write(Format.XML, List.of(map("order id", 7L, "2nd", new BigDecimal("1E+2"), "none", null)), FormatOptions.defaults());
    assertThat(text).contains("<records><record><order_id>7</order_id><_2nd>100</_2nd><none/></record></records>");
  }
}
