package dev.weft.connector.jdbc;

import java.math.BigDecimal;

/** An id as text, the form a record set hands out and takes back: {@code 42}, not {@code 42.0}. */
final class IdText {

  private IdText() {}

  static String of(Object value) {
    return switch (value) {
      case null -> "";
      case BigDecimal d -> d.stripTrailingZeros().toPlainString();
      case byte[] b -> java.util.Base64.getEncoder().encodeToString(b);
      default -> value.toString();
    };
  }
}
