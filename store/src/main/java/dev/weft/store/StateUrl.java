package dev.weft.store;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A state URL split into the JDBC URL and the schema Weft uses in it (PostgreSQL only). */
record StateUrl(String jdbcUrl, Optional<String> schema) {

  private static final Pattern CURRENT_SCHEMA = Pattern.compile("[?&]currentSchema=([A-Za-z0-9_]+)");
  private static final Pattern PASSWORD = Pattern.compile("(?i)(password=)[^&;]*");

  static StateUrl parse(String url) {
    if (!url.startsWith("jdbc:")) throw new StoreException("a state URL starts with jdbc: (got " + redact(url) + ")");
    if (url.startsWith("jdbc:postgresql:")) {
      Matcher m = CURRENT_SCHEMA.matcher(url);
      return new StateUrl(url, Optional.of(m.find() ? m.group(1) : "weft"));
    }
    if (url.startsWith("jdbc:h2:") && !url.toUpperCase(java.util.Locale.ROOT).contains("DB_CLOSE_ON_EXIT")) {
      // the server's shutdown hook still writes (releasing its claims) after H2's own hook would close the file
      return new StateUrl(url + ";DB_CLOSE_ON_EXIT=FALSE", Optional.empty());
    }
    return new StateUrl(url, Optional.empty());
  }

  /** The URL without a password, for messages. */
  String redacted() {
    return redact(jdbcUrl);
  }

  static String redact(String url) {
    String noUserInfo = url.replaceAll("//([^/@:]+):[^/@]*@", "//$1:***@");
    return PASSWORD.matcher(noUserInfo).replaceAll("$1***");
  }
}
