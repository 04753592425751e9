package dev.weft.connector.jdbc;

import java.sql.Types;
import java.util.Locale;

/**
 * A column as the database describes it.
 *
 * @param jdbcType a {@link java.sql.Types} constant
 * @param typeName the database's own type name, e.g. {@code timestamptz}, {@code jsonb}
 * @param size the declared length for character types, 0 when unknown or unlimited
 */
record Column(String name, int jdbcType, String typeName, int size, boolean nullable) {

  Column {
    typeName = typeName == null ? "" : typeName.toLowerCase(Locale.ROOT);
  }

  boolean isJson() {
    return typeName.equals("json") || typeName.equals("jsonb");
  }

  /** SQLite declares booleans by name only; MariaDB's BOOLEAN is a TINYINT(1) reported as BIT. */
  boolean isBoolean() {
    return jdbcType == Types.BIT || jdbcType == Types.BOOLEAN || typeName.equals("boolean") || typeName.equals("bool");
  }

  boolean isUuid() {
    return typeName.equals("uuid");
  }

  boolean hasTimeZone() {
    return jdbcType == Types.TIMESTAMP_WITH_TIMEZONE
        || typeName.equals("timestamptz")
        || typeName.startsWith("timestamp with time zone");
  }
}
