package dev.weft.connector.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TemporalsTest {

  @ParameterizedTest
  @ValueSource(strings = {"2026-01-02T03:04:05Z", "2026-01-02T03:04:05+01:00", "2026-12-31T23:59:59.5-05:30",
      "2026-01-02T03:04:05.123456789Z", "2026-01-02T03:04Z", "2026-02-28T00:00:00.000001+14:00"})
  void theFastParserAgreesWithTheFormatter(String text) {
    assertThat(Temporals.FastIso.parse(text)).isEqualTo(OffsetDateTime.parse(text));
  }

  @Test
  void textWithoutZoneIsUtcAndADateIsMidnight() {
    assertThat(Temporals.parseDateTime("2026-01-02T03:04:05")).isEqualTo(OffsetDateTime.of(2026, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC));
    assertThat(Temporals.parseDateTime("2026-01-02 03:04:05")).isEqualTo(OffsetDateTime.of(2026, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC));
    assertThat(Temporals.parseDateTime("2026-01-02")).isEqualTo(OffsetDateTime.of(2026, 1, 2, 0, 0, 0, 0, ZoneOffset.UTC));
    assertThat(Temporals.parseDateTime(" 2026-01-02T03:04:05+0100 ")).isEqualTo(OffsetDateTime.of(2026, 1, 2, 3, 4, 5, 0, ZoneOffset.ofHours(1)));
  }

  @Test
  void impossibleDatesAreRefused() {
    assertThat(Temporals.FastIso.parse("2026-02-30T00:00:00Z")).isNull();
    assertThatThrownBy(() -> Temporals.parseDateTime("2026-02-30T00:00:00Z")).isInstanceOf(java.time.DateTimeException.class);
    assertThatThrownBy(() -> Temporals.parseDateTime("yesterday")).isInstanceOf(java.time.DateTimeException.class);
  }

  @Test
  void formatsAlwaysWithSecondsAndOffset() {
    assertThat(Temporals.format(OffsetDateTime.of(2026, 1, 2, 3, 4, 0, 0, ZoneOffset.UTC))).isEqualTo("2026-01-02T03:04:00Z");
    assertThat(Temporals.format(OffsetDateTime.of(2026, 1, 2, 3, 4, 5, 120_000_000, ZoneOffset.ofHours(-3)))).isEqualTo("2026-01-02T03:04:05.12-03:00");
    assertThat(Temporals.format(LocalDateTime.of(2026, 1, 2, 3, 4, 5, 1000))).isEqualTo("2026-01-02T03:04:05.000001Z");
    assertThat(Temporals.format(LocalDate.of(2026, 1, 2))).isEqualTo("2026-01-02");
  }
}
