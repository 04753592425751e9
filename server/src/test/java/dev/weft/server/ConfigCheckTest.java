package dev.weft.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.Spec;
import dev.weft.spec.SpecLoader;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConfigCheckTest {
  private static final Spec SPEC = SpecLoader.load("c.yaml", """
      weft: 1
      id: cfg
      name: Config options
      systems:
        db: { name: DB, ours: true, connection: datastore, url: "jdbc:h2:mem:x", auth: { method: none, scope: system } }
      config:
        - { key: token, type: secret, required: true }
        - { key: site, type: url, required: true }
        - { key: contact, type: email }
        - { key: limit, type: number, default: 10 }
        - { key: live, type: boolean }
        - { key: region, type: choice, options: [eu, us] }
        - { key: objects, type: list, options: [contacts, deals] }
      flows:
        - id: copy
          trigger: { manual: true }
          source: { system: db, table: a }
          map: [ { from: id, to: id } ]
          target: { system: db, table: b }
      """).spec().orElseThrow();

  @Test
  void every_wrong_field_is_named_with_its_messages() {
    ConfigCheck.Checked c = ConfigCheck.check(SPEC, Map.of("site", "ftp://x", "contact", "nobody", "limit", "ten", "live", "yes",
        "region", "asia", "objects", List.of("contacts", "tickets"), "colour", "red"), Set.of());
    assertThat(c.ok()).isFalse();
    assertThat(c.errors()).containsOnlyKeys("token", "site", "contact", "limit", "live", "region", "objects", "colour");
    assertThat(c.errors().get("token")).containsExactly("is required");
    assertThat(c.errors().get("site")).containsExactly("must be an http or https URL");
    assertThat(c.errors().get("objects")).containsExactly("tickets is not one of contacts, deals");
    assertThat(c.errors().get("colour").get(0)).startsWith("is not a config option of cfg");
  }

  @Test
  void good_values_are_typed_and_defaults_filled_in() {
    ConfigCheck.Checked c = ConfigCheck.check(SPEC, Map.of("token", "t", "site", "https://x.example", "live", "true",
        "region", "eu", "objects", "contacts, deals"), Set.of());
    assertThat(c.errors()).isEmpty();
    assertThat(c.values()).containsEntry("live", true).containsEntry("limit", 10L).containsEntry("objects", List.of("contacts", "deals"));
    assertThat(ConfigCheck.check(SPEC, Map.of("limit", "2.5", "site", "http://h"), Set.of("token")).values())
        .containsEntry("limit", new BigDecimal("2.5"));
  }

  @Test
  void a_stored_secret_need_not_be_sent_again() {
    assertThat(ConfigCheck.check(SPEC, Map.of("site", "http://h"), Set.of("token")).ok()).isTrue();
  }
}
