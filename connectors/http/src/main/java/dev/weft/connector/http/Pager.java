package dev.weft.connector.http;

import dev.weft.connector.ConfigException;
import dev.weft.model.RecordPath;
import dev.weft.model.Source.Paginate;
import java.net.URI;
import java.util.Optional;

/**
 * One pagination style: which request fetches the page at a position, and where the page after
 * it is. A position is text ({@link ReadState#at}): a page number, an offset, a cursor or a URL.
 */
sealed interface Pager {

  /** The request for the page at {@code at} (empty: the first page) of {@code endpoint}. */
  URI request(URI endpoint, Optional<String> at);

  /** The position of the page after {@code page}, or empty when {@code page} was the last. */
  Optional<String> next(Optional<String> at, Fetched page);

  /** The page's name in record positions, e.g. {@code page=7}. */
  String label(Optional<String> at);

  /** A fetched page: how many records it held, the document (for a cursor) and the response. */
  record Fetched(int records, java.util.Map<String, Object> tree, ApiResponse response) {}

  static Pager of(Paginate paginate, Optional<String> secretQueryParam) throws ConfigException {
    return switch (paginate.style()) {
      case NONE -> new Single();
      case PAGE ->
          new PageNumbers(
              paginate.param().orElse("page"), paginate.sizeParam(), paginate.size(), paginate.start().orElse(1));
      case OFFSET ->
          new Offsets(paginate.param().orElse("offset"), paginate.sizeParam().orElse("limit"), paginate.size());
      case CURSOR -> {
        String next =
            paginate.next().orElseThrow(
                () -> new ConfigException("cursor pagination needs 'next': where the next cursor is in the body"));
        RecordPath.Parsed path = RecordPath.parse(next);
        if (path.path().isEmpty()) throw new ConfigException("paginate.next: " + path.error().orElseThrow());
        yield new Cursors(paginate.param().orElse("cursor"), path.path().get());
      }
      case LINK -> new Links(secretQueryParam);
    };
  }

  record Single() implements Pager {
    public URI request(URI endpoint, Optional<String> at) {
      return endpoint;
    }

    public Optional<String> next(Optional<String> at, Fetched page) {
      return Optional.empty();
    }

    public String label(Optional<String> at) {
      return "page=1";
    }
  }

  /** {@code ?page=N}, from {@code start}, until an empty page. */
  record PageNumbers(String param, Optional<String> sizeParam, Optional<Integer> size, int start) implements Pager {
    public URI request(URI endpoint, Optional<String> at) {
      URI uri = QueryString.with(endpoint, param, String.valueOf(number(at)));
      if (sizeParam.isPresent() && size.isPresent()) uri = QueryString.with(uri, sizeParam.get(), String.valueOf(size.get()));
      return uri;
    }

    public Optional<String> next(Optional<String> at, Fetched page) {
      return page.records() == 0 ? Optional.empty() : Optional.of(String.valueOf(number(at) + 1));
    }

    public String label(Optional<String> at) {
      return "page=" + number(at);
    }

    private long number(Optional<String> at) {
      return at.map(Long::parseLong).orElse((long) start);
    }
  }

  /** {@code ?offset=N&limit=S}, until a short or empty page. */
  record Offsets(String param, String sizeParam, Optional<Integer> size) implements Pager {
    public URI request(URI endpoint, Optional<String> at) {
      URI uri = QueryString.with(endpoint, param, String.valueOf(offset(at)));
      if (size.isPresent()) uri = QueryString.with(uri, sizeParam, String.valueOf(size.get()));
      return uri;
    }

    public Optional<String> next(Optional<String> at, Fetched page) {
      if (page.records() == 0 || size.isPresent() && page.records() < size.get()) return Optional.empty();
      return Optional.of(String.valueOf(offset(at) + page.records()));
    }

    public String label(Optional<String> at) {
      return "offset=" + offset(at);
    }

    private long offset(Optional<String> at) {
      return at.map(Long::parseLong).orElse(0L);
    }
  }

  /** {@code ?cursor=T} with the token found at {@code next} in each page, until it is null or empty. */
  record Cursors(String param, RecordPath next) implements Pager {
    public URI request(URI endpoint, Optional<String> at) {
      return at.map(token -> QueryString.with(endpoint, param, token)).orElse(endpoint);
    }

    public Optional<String> next(Optional<String> at, Fetched page) {
      Object token = next.get(page.tree());
      if (token == null || token instanceof java.util.Map || token instanceof java.util.List) return Optional.empty();
      String text = HighWaterMark.text(token);
      if (text.isEmpty() || at.isPresent() && at.get().equals(text)) return Optional.empty();
      return Optional.of(text);
    }

    public String label(Optional<String> at) {
      return "cursor=" + at.orElse("");
    }
  }

  /** The RFC 8288 {@code Link: <...>; rel="next"} header, resolved against the page's URL. */
  record Links(Optional<String> secretQueryParam) implements Pager {
    public URI request(URI endpoint, Optional<String> at) {
      return at.map(URI::create).orElse(endpoint);
    }

    public Optional<String> next(Optional<String> at, Fetched page) {
      Optional<URI> next = LinkHeader.next(page.response().headers().allValues("Link"), page.response().uri());
      if (next.isPresent() && secretQueryParam.isPresent())
        next = Optional.of(QueryString.without(next.get(), secretQueryParam.get()));
      Optional<String> text = next.map(URI::toString);
      return text.equals(at) ? Optional.empty() : text;
    }

    public String label(Optional<String> at) {
      return "link=" + at.orElse("");
    }
  }
}
