package dev.weft.connector.http;

import dev.weft.connector.ConfigException;
import dev.weft.model.Source.Paginate;
import dev.weft.model.SystemDef;
import java.util.Map;
import java.util.Optional;

/**
 * How a sync side lists an API's records: the system's {@code options.paginate} (the same keys as
 * a source's {@code paginate}), or else RFC 8288 {@code Link} headers (one page when there are
 * none); and {@code options.updated_since_param}, the query parameter by which the API filters a
 * list by updated time, if it has one.
 */
record SyncPaging(Pager pager, Optional<String> sinceParam) {

  static SyncPaging of(SystemDef system, Optional<String> secretQueryParam) throws ConfigException {
    Object declared = system.options().get("paginate");
    Paginate paginate;
    if (declared == null) paginate = new Paginate(Paginate.Style.LINK, Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty());
    else if (declared instanceof Map<?, ?> keys) paginate = paginate(system, keys);
    else throw new ConfigException(system.displayName() + ": options.paginate must be a mapping like"
        + " { style: cursor, next: next_cursor, param: cursor }, not '" + declared + "'");
    Optional<String> since = Optional.ofNullable(system.options().get("updated_since_param")).map(String::valueOf);
    return new SyncPaging(Pager.of(paginate, secretQueryParam), since);
  }

  private static Paginate paginate(SystemDef system, Map<?, ?> keys) throws ConfigException {
    for (Object key : keys.keySet())
      if (!java.util.List.of("style", "param", "size_param", "size", "start", "next").contains(String.valueOf(key)))
        throw new ConfigException(system.displayName() + ": options.paginate." + key
            + " is not a pagination key (style, param, size_param, size, start, next)");
    String styleText = String.valueOf(keys.get("style") == null ? "" : keys.get("style"));
    Paginate.Style style = Paginate.Style.of(styleText).orElseThrow(() -> new ConfigException(system.displayName()
        + ": options.paginate.style must be none, page, offset, cursor or link, not '" + styleText + "'"));
    return new Paginate(style, text(keys, "param"), text(keys, "size_param"), number(system, keys, "size"),
        number(system, keys, "start"), text(keys, "next"));
  }

  private static Optional<String> text(Map<?, ?> keys, String key) {
    return Optional.ofNullable(keys.get(key)).map(String::valueOf);
  }

  private static Optional<Integer> number(SystemDef system, Map<?, ?> keys, String key) throws ConfigException {
    Object value = keys.get(key);
    if (value == null) return Optional.empty();
    try {
      return Optional.of(Integer.parseInt(String.valueOf(value).strip()));
    } catch (NumberFormatException e) {
      throw new ConfigException(system.displayName() + ": options.paginate." + key + " must be a whole number, not '" + value + "'");
    }
  }
}
