package dev.weft.model;

import java.util.Optional;

/**
 * Where a one-way flow reads. Which keys apply depends on the system's connection kind: an API
 * reads an {@code endpoint} with {@code paginate}; a datastore a {@code table} or a {@code query};
 * a filesystem {@code files}; a broker a {@code topic}. With a webhook or event trigger the source
 * is the delivered payload and only {@code system}, {@code records} and {@code filter} apply.
 *
 * @param records where the repeated records are in each page, payload or document (a path)
 * @param filter a JSONata expression; records for which it is not true are filtered out
 */
public record Source(
    String system,
    Optional<Endpoint> endpoint,
    Optional<String> table,
    Optional<String> query,
    Optional<String> files,
    Optional<String> topic,
    Optional<String> records,
    Optional<Paginate> paginate,
    Optional<Incremental> incremental,
    Optional<String> filter,
    After after) {

  /** What happens to a source file once its records are committed. */
  public enum After {
    KEEP("keep"),
    ARCHIVE("archive"),
    DELETE("delete");

    private final String key;

    After(String key) {
      this.key = key;
    }

    public String key() {
      return key;
    }

    public static Optional<After> of(String key) {
      for (After a : values()) if (a.key.equals(key)) return Optional.of(a);
      return Optional.empty();
    }
  }

  /** Sends the last seen value of {@code field} as the query parameter (or SQL bind) {@code param}. */
  public record Incremental(String field, Optional<String> param) {}

  /**
   * Pagination of an API source.
   *
   * @param param the query parameter that carries the page number, offset or cursor
   * @param next where the next cursor is in the body (cursor style)
   */
  public record Paginate(
      Style style,
      Optional<String> param,
      Optional<String> sizeParam,
      Optional<Integer> size,
      Optional<Integer> start,
      Optional<String> next) {

    public static final Paginate NONE =
        new Paginate(Style.NONE, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    public enum Style {
      NONE("none"),
      PAGE("page"),
      OFFSET("offset"),
      CURSOR("cursor"),
      LINK("link");

      private final String key;

      Style(String key) {
        this.key = key;
      }

      public String key() {
        return key;
      }

      public static Optional<Style> of(String key) {
        for (Style s : values()) if (s.key.equals(key)) return Optional.of(s);
        return Optional.empty();
      }
    }
  }
}
