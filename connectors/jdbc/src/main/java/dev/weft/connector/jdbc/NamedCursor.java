package dev.weft.connector.jdbc;

/**
 * Replaces the {@code :cursor} named bind of a source query with {@code ?}, outside string
 * literals, quoted names and comments, and counts the occurrences.
 */
record NamedCursor(String sql, int count) {

  static NamedCursor replace(String query) {
    StringBuilder out = new StringBuilder(query.length());
    int count = 0;
    int i = 0;
    while (i < query.length()) {
      char c = query.charAt(i);
      if (c == '\'' || c == '"' || c == '`') {
        int end = query.indexOf(c, i + 1);
        end = end < 0 ? query.length() : end + 1;
        out.append(query, i, end);
        i = end;
      } else if (c == '-' && query.startsWith("--", i)) {
        int end = query.indexOf('\n', i);
        end = end < 0 ? query.length() : end;
        out.append(query, i, end);
        i = end;
      } else if (c == ':' && query.startsWith(":cursor", i) && (i == 0 || query.charAt(i - 1) != ':')
          && (i + 7 == query.length() || !Character.isLetterOrDigit(query.charAt(i + 7)) && query.charAt(i + 7) != '_')) {
        out.append('?');
        count++;
        i += 7;
      } else {
        out.append(c);
        i++;
      }
    }
    return new NamedCursor(out.toString().strip().replaceFirst(";\\s*$", ""), count);
  }
}
