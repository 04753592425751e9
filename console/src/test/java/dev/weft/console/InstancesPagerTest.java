package dev.weft.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The instances page's pager links carry the customer filter as one percent-encoded value. */
class InstancesPagerTest {
  private static final String CUSTOMER = "Acme & Co+Sons/Ltd?#1 ü";

  private static InstancePages.ListView view(String customer, String after, Optional<String> next) {
    InstancePages.InstanceRow row = new InstancePages.InstanceRow("acme-shop", customer, "shop-hooks", "pro", "test", true,
        Optional.empty(), Optional.empty(), List.of());
    return new InstancePages.ListView(new Chrome("Instances", "instances", true, "Administrator", "csrf", Optional.empty()), true,
        customer, List.of(row), after, next);
  }

  /** The query parameters of the link with this text, as a browser would send and a server decode them. */
  private static Map<String, String> linkQuery(String html, String text) {
    Matcher m = Pattern.compile("<a href=\"([^\"]*)\"[^>]*>" + Pattern.quote(text) + "</a>").matcher(html);
    assertThat(m.find()).as(text + " link in " + html).isTrue();
    URI uri = URI.create(m.group(1).replace("&amp;", "&"));
    assertThat(uri.getPath()).isEqualTo("/console/instances");
    Map<String, String> query = new LinkedHashMap<>();
    for (String pair : uri.getRawQuery().split("&")) {
      String[] kv = pair.split("=", 2);
      query.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
    }
    return query;
  }

  @Test
  void first_and_next_page_links_keep_a_customer_filter_with_reserved_characters_whole() {
    String html = new Pages().render("instances.jte", view(CUSTOMER, "acme-a", Optional.of("acme-shop")));

    assertThat(linkQuery(html, "First page")).containsExactly(Map.entry("customer", CUSTOMER));
    assertThat(linkQuery(html, "Next page")).containsExactly(Map.entry("customer", CUSTOMER), Map.entry("after", "acme-shop"));
  }

  @Test
  void without_a_filter_the_links_carry_no_empty_customer() {
    InstancePages.ListView v = view("", "acme-a", Optional.of("acme-shop"));
    assertThat(v.firstPage()).isEqualTo("/console/instances");
    assertThat(v.nextPage()).contains("/console/instances?after=acme-shop");
  }
}
