package dev.weft.mapping.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class IsoDateFastPathTest {

  @Property
  void agreesWithJavaTime(
      @ForAll @LongRange(min = -2_000_000_000L, max = 20_000_000_000L) long epochSecond,
      @ForAll @IntRange(min = 0, max = 999_999_999) int nano,
      @ForAll @IntRange(min = -18 * 4, max = 18 * 4) int quarterHours,
      @ForAll boolean trimNanos) {
    OffsetDateTime time = OffsetDateTime.ofInstant(
        java.time.Instant.ofEpochSecond(epochSecond, trimNanos ? 0 : nano), ZoneOffset.ofTotalSeconds(quarterHours * 900));
    String offsetText = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time);
    String localText = DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(time);
    assertThat(IsoDateFastPath.parse(offsetText)).isEqualTo(OffsetDateTime.parse(offsetText));
    assertThat(IsoDateFastPath.parse(localText)).isEqualTo(LocalDateTime.parse(localText));
    assertThat(IsoDateFastPath.parse(localText.substring(0, 10))).isEqualTo(LocalDate.parse(localText.substring(0, 10)));
  }

  @Test
  void leavesOtherShapesToJavaTime() {
    assertThat(IsoDateFastPath.parse("2026-02-30")).isNull();
    assertThat(IsoDateFastPath.parse("2026-01-05T25:00")).isNull();
    assertThat(IsoDateFastPath.parse("2026-01-05T10:11:12+01:00[Europe/Paris]")).isNull();
    assertThat(IsoDateFastPath.parse("05/01/2026")).isNull();
    assertThat(IsoDateFastPath.parse("2026-01-05T10:11:12.")).isNull();
    assertThat(IsoDateFastPath.parse("2026-01-05T10:11:12+0100")).isEqualTo(OffsetDateTime.parse("2026-01-05T10:11:12+01:00"));
    assertThat(IsoDateFastPath.parse("2026-01-05 10:11")).isEqualTo(LocalDateTime.parse("2026-01-05T10:11"));
  }
}
