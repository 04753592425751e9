package dev.weft.connector.http;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the {@code rel="next"} target in RFC 8288 {@code Link} headers. */
final class LinkHeader {
  private static final Pattern LINK = Pattern.compile("<([^>]*)>((?:\\s*;\\s*[^;,=]+(?:=(?:\"[^\"]*\"|[^;,]*))?)*)");
  private static final Pattern REL = Pattern.compile("(?i)\\brel\\s*=\\s*(\"[^\"]*\"|[^;,\\s]+)");

  private LinkHeader() {}

  /** The next page's URL, resolved against {@code base} when relative. */
  static Optional<URI> next(List<String> headers, URI base) {
    for (String header : headers) {
      Matcher link = LINK.matcher(header);
      while (link.find()) {
        Matcher rel = REL.matcher(link.group(2));
        if (!rel.find()) continue;
        String relations = rel.group(1).replace("\"", "");
        for (String relation : relations.trim().split("\\s+")) {
          if (relation.equalsIgnoreCase("next")) {
            try {
              return Optional.of(resolve(base, link.group(1).trim()));
            } catch (IllegalArgumentException e) {
              return Optional.empty();
            }
          }
        }
      }
    }
    return Optional.empty();
  }

  /** RFC 3986 resolution; {@link URI#resolve} follows RFC 2396 and drops the last segment for "?query". */
  private static URI resolve(URI base, String reference) {
    if (reference.startsWith("?")) {
      String text = base.toString();
      int cut = text.length();
      for (char c : new char[] {'?', '#'}) {
        int at = text.indexOf(c);
        if (at >= 0 && at < cut) cut = at;
      }
      return URI.create(text.substring(0, cut) + reference);
    }
    return base.resolve(reference);
  }
}
