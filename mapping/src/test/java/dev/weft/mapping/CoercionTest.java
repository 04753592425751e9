package dev.weft.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class CoercionTest {

  @Test
  void numbersFromNumbersAndNumericStrings() {
    assertThat(Coercion.toBigDecimal("4.5360")).isEqualTo(new BigDecimal("4.5360"));
    assertThat(Coercion.toBigDecimal(2.5)).isEqualTo(new BigDecimal("2.5"));
    assertThat(Coercion.toLong("42")).isEqualTo(42L);
    assertThat(Coercion.toLong(new BigDecimal("7.00"))).isEqualTo(7L);
    assertThat(Coercion.toInteger(" 12 ")).isEqualTo(12);
    assertThat(Coercion.toDouble("1e3")).isEqualTo(1000.0);
    assertThat(Coercion.toBigDecimal(null)).isNull();
  }

  @Test
  void refusesWhatIsNotANumberWithAClearMessage() {
    assertThatThrownBy(() -> Coercion.toBigDecimal("ten")).isInstanceOf(IllegalArgumentException.class).hasMessage("'ten' is not a number");
    assertThatThrownBy(() -> Coercion.toLong("2.5")).hasMessage("'2.5' is not a whole number in range");
    assertThatThrownBy(() -> Coercion.toInteger(1L << 40)).hasMessage("1099511627776 is too large for an integer");
    assertThatThrownBy(() -> Coercion.toBigDecimal(true)).hasMessage("true is not a number");
  }

  @Test
  void booleansFromCommonWords() {
    assertThat(Coercion.toBoolean("Yes")).isTrue();
    assertThat(Coercion.toBoolean("0")).isFalse();
    assertThat(Coercion.toBoolean(1L)).isTrue();
    assertThat(Coercion.toBoolean("off")).isFalse();
    assertThatThrownBy(() -> Coercion.toBoolean("maybe")).hasMessage("'maybe' is not true or false");
  }

  @Test
  void timesFromIsoTextAndEpochNumbers() {
    assertThat(Coercion.toOffsetDateTime("2026-01-05T10:11:12-05:00")).isEqualTo(OffsetDateTime.parse("2026-01-05T10:11:12-05:00"));
    assertThat(Coercion.toOffsetDateTime("2026-01-05 10:11:12")).isEqualTo(OffsetDateTime.parse("2026-01-05T10:11:12Z"));
    assertThat(Coercion.toInstant(1767607872L)).isEqualTo(Instant.parse("2026-01-05T10:11:12Z"));
    assertThat(Coercion.toInstant("1767607872000")).isEqualTo(Instant.parse("2026-01-05T10:11:12Z"));
    assertThat(Coercion.toInstant("2026-01-05")).isEqualTo(Instant.parse("2026-01-05T00:00:00Z"));
    assertThat(Coercion.toLocalDate("2026-01-05")).isEqualTo(LocalDate.of(2026, 1, 5));
    assertThat(Coercion.toLocalDate("2026-01-05T23:59:00+05:00")).isEqualTo(LocalDate.of(2026, 1, 5));
  }

  @Test
  void refusesWhatIsNotATime() {
    assertThatThrownBy(() -> Coercion.toOffsetDateTime("yesterday")).hasMessageStartingWith("'yesterday' is not a date-time");
    assertThatThrownBy(() -> Coercion.toLocalDate("2026-13-45")).hasMessage("'2026-13-45' is not a date (yyyy-MM-dd)");
  }

  @Test
  void textInPlainNotation() {
    assertThat(Coercion.toText(new BigDecimal("1E+3"))).isEqualTo("1000");
    assertThat(Coercion.toText(2.0)).isEqualTo("2");
    assertThat(Coercion.toText(null)).isNull();
  }
}
