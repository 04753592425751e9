package dev.weft.connector.http;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Sets and removes query parameters of a URI, leaving the others as they were written. */
final class QueryString {
  private QueryString() {}

  /** The URI with {@code name=value}, replacing any value {@code name} had. */
  static URI with(URI uri, String name, String value) {
    List<String> pairs = pairsWithout(uri.getRawQuery(), name);
    pairs.add(encode(name) + "=" + encode(value));
    return withQuery(uri, String.join("&", pairs));
  }

  static URI without(URI uri, String name) {
    if (uri.getRawQuery() == null) return uri;
    return withQuery(uri, String.join("&", pairsWithout(uri.getRawQuery(), name)));
  }

  /** Percent-encodes a value for a query (spaces as {@code %20}, so it is also safe in a path segment). */
  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static List<String> pairsWithout(String rawQuery, String name) {
    List<String> pairs = new ArrayList<>();
    if (rawQuery == null || rawQuery.isEmpty()) return pairs;
    String encodedName = encode(name);
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) continue;
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      if (!key.equals(name) && !key.equals(encodedName)) pairs.add(pair);
    }
    return pairs;
  }

  private static URI withQuery(URI uri, String rawQuery) {
    String text = uri.toString();
    int cut = text.length();
    int hash = text.indexOf('#');
    if (hash >= 0) cut = hash;
    int question = text.indexOf('?');
    if (question >= 0 && question < cut) cut = question;
    String fragment = hash >= 0 ? text.substring(hash) : "";
    return URI.create(text.substring(0, cut) + (rawQuery.isEmpty() ? "" : "?" + rawQuery) + fragment);
  }
}
