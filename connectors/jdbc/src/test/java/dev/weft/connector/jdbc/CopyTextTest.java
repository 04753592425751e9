package dev.weft.connector.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Random;
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

  @Test
  void decimalsAreWrittenAsToPlainStringWritesThem() {
    Random random = new Random(20261127);
    for (int i = 0; i < 200_000; i++) {
      BigInteger unscaled = new BigInteger(1 + random.nextInt(i % 2 == 0 ? 64 : 70), random);
      if (random.nextBoolean()) unscaled = unscaled.negate();
      BigDecimal d = new BigDecimal(unscaled, random.nextInt(24) - 3);
      StringBuilder out = new StringBuilder("x");
      PostgresCopyWriter.CopyText.appendDecimal(out, d);
      assertThat(out.toString()).as("%s", d).isEqualTo("x" + d.toPlainString());
    }
    for (String text : new String[] {"0", "0.00", "-0.05", "19.99", "-1.361", "1E+3", "0.000000000000000001", "999999999999999999",
        "-999999999999999999.9", "9223372036854775807", "12345678901234567.8"}) {
      StringBuilder out = new StringBuilder();
      PostgresCopyWriter.CopyText.appendDecimal(out, new BigDecimal(text));
      assertThat(out.toString()).isEqualTo(new BigDecimal(text).toPlainString());
    }
  }
}
