package dev.weft.connector.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValueCoercerTest {

  private static Column column(int type, String typeName, int size) {
    return new Column("c", type, typeName, size, true);
  }

  @Test
  void numbersFromTextAndNumbers() throws RecordRejected {
    assertThat(ValueCoercer.coerce(column(Types.BIGINT, "int8", 0), " 42 ")).isEqualTo(42L);
    assertThat(ValueCoercer.coerce(column(Types.INTEGER, "int4", 0), 7.0)).isEqualTo(7L);
    assertThat(ValueCoercer.coerce(column(Types.NUMERIC, "numeric", 0), "12.50")).isEqualTo(new BigDecimal("12.50"));
    assertThat(ValueCoercer.coerce(column(Types.NUMERIC, "numeric", 0), 0.1)).isEqualTo(new BigDecimal("0.1"));
    assertThatThrownBy(() -> ValueCoercer.coerce(column(Types.INTEGER, "int4", 0), "7.5")).isInstanceOf(RecordRejected.class);
  }

  @Test
  void booleansDatesAndTimestamps() throws RecordRejected {
    assertThat(ValueCoercer.coerce(column(Types.BIT, "bool", 0), "TRUE")).isEqualTo(true);
    assertThat(ValueCoercer.coerce(column(Types.INTEGER, "boolean", 0), "no")).isEqualTo(false);
    assertThat(ValueCoercer.coerce(column(Types.DATE, "date", 0), "2026-01-02T23:00:00Z")).isEqualTo(LocalDate.of(2026, 1, 2));
    assertThat(ValueCoercer.coerce(column(Types.TIMESTAMP, "timestamptz", 0), "2026-01-02T03:00:00+01:00"))
        .isEqualTo(OffsetDateTime.parse("2026-01-02T03:00:00+01:00"));
    assertThat(ValueCoercer.coerce(column(Types.TIMESTAMP, "timestamp", 0), "2026-01-02T03:00:00+01:00"))
        .isEqualTo(LocalDateTime.parse("2026-01-02T02:00:00"));
    assertThatThrownBy(() -> ValueCoercer.coerce(column(Types.BOOLEAN, "boolean", 0), "maybe"))
        .isInstanceOf(RecordRejected.class).hasMessageContaining("maybe");
  }

  @Test
  void treesBecomeJsonTextAndTextIsCheckedForLength() throws RecordRejected {
    assertThat(ValueCoercer.coerce(column(Types.OTHER, "jsonb", 0), Map.of("a", List.of(1, 2)))).isEqualTo("{\"a\":[1,2]}");
    assertThat(ValueCoercer.coerce(column(Types.OTHER, "json", 0), "[1]")).isEqualTo("[1]");
    assertThat(ValueCoercer.coerce(column(Types.OTHER, "json", 0), "plain")).isEqualTo("\"plain\"");
    assertThat(ValueCoercer.coerce(column(Types.VARCHAR, "text", 0), List.of("x"))).isEqualTo("[\"x\"]");
    assertThat(ValueCoercer.coerce(column(Types.VARCHAR, "varchar", 3), new BigDecimal("1.5E+2"))).isEqualTo("150");
    assertThatThrownBy(() -> ValueCoercer.coerce(column(Types.VARCHAR, "varchar", 3), "four"))
        .isInstanceOf(RecordRejected.class).hasMessageContaining("too long");
  }
}
