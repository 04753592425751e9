package dev.weft.connector.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CopyTextTest {

  @Test
  void escapesTextAndWritesNullsBooleansBytesAndOrdinal() {
    StringBuilder out = new StringBuilder();
    PostgresCopyWriter.CopyText.appendRow(out,
        Arrays.asList("a\tb\\c\nd\re", null, true, new BigDecimal("1E+3"), new byte[] {1, (byte) 0xff},
            OffsetDateTime.parse("2026-01-02T03:04:05Z")), 9);

    assertThat(out).hasToString("a\\tb\\\\c\\nd\\re\t\\N\tt\t1000\t\\\\x01ff\t2026-01-02T03:04:05Z\t9\n");
  }
}
