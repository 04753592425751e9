package dev.weft.connector.jdbc;

import dev.weft.connector.ConfigException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A table name from the spec, checked before it goes near SQL: one identifier or {@code
 * schema.table}, each part {@code [A-Za-z_][A-Za-z0-9_]*}. Anything else (quotes, spaces,
 * semicolons) is refused, so names can be quoted safely by a {@link Dialect}.
 */
record TableName(Optional<String> schema, String table) {

  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  static TableName parse(String text) throws ConfigException {
    String[] parts = text.split("\\.", -1);
    if (parts.length > 2) throw invalid(text);
    for (String part : parts) identifier(part, text);
    return parts.length == 1
        ? new TableName(Optional.empty(), parts[0])
        : new TableName(Optional.of(parts[0]), parts[1]);
  }

  /** Checks one identifier (a column or key name); {@code context} names it in the message. */
  static String identifier(String name, String context) throws ConfigException {
    if (!IDENTIFIER.matcher(name).matches()) throw invalid(context);
    return name;
  }

  static boolean isIdentifier(String name) {
    return IDENTIFIER.matcher(name).matches();
  }

  private static ConfigException invalid(String text) {
    return new ConfigException(
        "\"" + text + "\" is not a valid table or column name: use letters, digits and _ only"
            + " (optionally schema.table)");
  }

  @Override
  public String toString() {
    return schema.map(s -> s + "." + table).orElse(table);
  }
}
