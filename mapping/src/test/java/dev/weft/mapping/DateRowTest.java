package dev.weft.mapping;

import static dev.weft.mapping.Rows.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.MapRow.Operation;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DateRowTest {

  private static Object date(Object input, String parse, String zone, String format) {
    RecordMapping mapping = mapping(row("d", "d", new Operation.Date(Optional.ofNullable(parse), Optional.ofNullable(zone), Optional.ofNullable(format))));
    return map(mapping, record("d", input)).get("d");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      2026-01-05T10:11:12-05:00     | 2026-01-05T10:11:12-05:00
      2026-01-05T10:11:12Z          | 2026-01-05T10:11:12Z
      2026-01-05T10:11:12.5+01:00   | 2026-01-05T10:11:12.500+01:00
      2026-01-05T10:11:12+0100      | 2026-01-05T10:11:12+01:00
      2026-01-05T10:11:12           | 2026-01-05T10:11:12Z
      2026-01-05 10:11:12           | 2026-01-05T10:11:12Z
      2026-01-05 10:11              | 2026-01-05T10:11:00Z
      2026-01-05                    | 2026-01-05
      20260105                      | 2026-01-05
      05/01/2026                    | 2026-01-05
      05/01/2026 10:11:12           | 2026-01-05T10:11:12Z
      Mon, 5 Jan 2026 10:11:12 GMT  | 2026-01-05T10:11:12Z
      1767607872                    | 2026-01-05T10:11:12Z
      1767607872000                 | 2026-01-05T10:11:12Z
      2026-01-05T10:11:12+01:00[Europe/Paris] | 2026-01-05T10:11:12+01:00
      """)
  void readsIsoAndCommonFormsByDefault(String input, String expected) {
    assertThat(date(input, null, null, null)).isEqualTo(expected);
  }

  @Test
  void readsEpochNumbers() {
    assertThat(date(1767607872L, null, null, null)).isEqualTo("2026-01-05T10:11:12Z");
    assertThat(date(1767607872123L, null, null, null)).isEqualTo("2026-01-05T10:11:12.123Z");
  }

  @Test
  void readsJavaTimeValuesThatConnectorsPutInRecords() {
    assertThat(date(java.time.OffsetDateTime.parse("2026-01-05T10:11:12-05:00"), null, "UTC", null)).isEqualTo("2026-01-05T15:11:12Z");
    assertThat(date(java.time.LocalDateTime.parse("2026-01-05T10:11:12"), null, "Europe/Berlin", null)).isEqualTo("2026-01-05T10:11:12+01:00");
    assertThat(date(java.time.LocalDate.parse("2026-01-05"), null, null, null)).isEqualTo("2026-01-05");
    assertThat(date(java.time.Instant.parse("2026-01-05T10:11:12Z"), null, null, null)).isEqualTo("2026-01-05T10:11:12Z");
  }

  @Test
  void aZoneConvertsOffsetInputsAndReadsLocalInputs() {
    assertThat(date("2026-01-05T10:11:12Z", null, "Europe/Berlin", null)).isEqualTo("2026-01-05T11:11:12+01:00");
    assertThat(date("2026-07-05 10:11:12", null, "Europe/Berlin", null)).isEqualTo("2026-07-05T10:11:12+02:00");
  }

  @Test
  void zoneAndFormatTogether() {
    assertThat(date("2026-01-05T23:30:00Z", null, "America/New_York", "dd.MM.yyyy HH:mm")).isEqualTo("05.01.2026 18:30");
    assertThat(date("2026-01-05T23:30:00-05:00", null, "Europe/Berlin", "yyyy-MM-dd")).isEqualTo("2026-01-06");
  }

  @Test
  void aParsePatternOverridesTheDefaults() {
    assertThat(date("01/05/2026", "MM/dd/yyyy", null, null)).isEqualTo("2026-01-05");
    assertThat(date("05.01.2026 07:08", "dd.MM.yyyy HH:mm", "Asia/Tokyo", null)).isEqualTo("2026-01-05T07:08:00+09:00");
  }

  @Test
  void aFormatOnADateFormatsTheDate() {
    assertThat(date("2026-01-05", null, null, "d MMM uuuu")).isEqualTo("5 Jan 2026");
  }

  @Test
  void nullStaysNull() {
    assertThat(date(null, null, null, null)).isNull();
  }

  @Test
  void anUnreadableDateIsInvalidNamingTheRow() {
    RecordMapping mapping = mapping(copy("id", "id"), row("d", "d", new Operation.Date(Optional.empty(), Optional.empty(), Optional.empty())));
    Outcome outcome = mapping.apply(record("d", "next tuesday"), Map.of());
    assertThat(outcome).isInstanceOf(Outcome.Invalid.class);
    assertThat(((Outcome.Invalid) outcome).reason()).startsWith("map[1] (date): 'next tuesday' does not match a date");
  }

  @Test
  void aPatternMismatchSaysWhichPattern() {
    RecordMapping mapping = mapping(row("d", "d", new Operation.Date(Optional.of("dd/MM/yyyy"), Optional.empty(), Optional.empty())));
    assertThat(mapping.apply(record("d", "2026-01-05"), Map.of()))
        .isEqualTo(new Outcome.Invalid("map[0] (date): '2026-01-05' does not match the pattern 'dd/MM/yyyy'"));
  }

  @Test
  void aTimeFormatOnADateOnlyInputIsInvalidNotAnException() {
    RecordMapping mapping = mapping(row("d", "d", new Operation.Date(Optional.empty(), Optional.empty(), Optional.of("HH:mm"))));
    assertThat(mapping.apply(record("d", "2026-01-05"), Map.of())).isInstanceOf(Outcome.Invalid.class);
  }
}
