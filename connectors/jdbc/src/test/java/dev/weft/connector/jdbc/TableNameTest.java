package dev.weft.connector.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.connector.ConfigException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TableNameTest {

  @Test
  void acceptsATableOrASchemaQualifiedTable() throws ConfigException {
    assertThat(TableName.parse("orders")).isEqualTo(new TableName(Optional.empty(), "orders"));
    assertThat(TableName.parse("sales.Orders_2")).isEqualTo(new TableName(Optional.of("sales"), "Orders_2"));
    assertThat(new MariaDbDialect().table(TableName.parse("sales.orders"))).isEqualTo("`sales`.`orders`");
    assertThat(new PostgresDialect().table(TableName.parse("orders"))).isEqualTo("\"orders\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"orders; drop table x", "orders\"", "a.b.c", "", "1orders", "or-ders", "orders ", "`x`"})
  void refusesAnythingElse(String text) {
    assertThatThrownBy(() -> TableName.parse(text)).isInstanceOf(ConfigException.class).hasMessageContaining("not a valid");
  }
}
