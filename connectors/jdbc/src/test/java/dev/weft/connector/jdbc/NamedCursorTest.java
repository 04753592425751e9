package dev.weft.connector.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NamedCursorTest {

  @Test
  void replacesTheBindButNotLiteralsCommentsCastsOrLongerNames() {
    NamedCursor named = NamedCursor.replace(
        "SELECT * FROM t WHERE a > :cursor AND b <> ':cursor' AND c::cursor_t IS NULL -- :cursor\n AND d >= :cursor AND e = :cursors;");

    assertThat(named.count()).isEqualTo(2);
    assertThat(named.sql()).isEqualTo(
        "SELECT * FROM t WHERE a > ? AND b <> ':cursor' AND c::cursor_t IS NULL -- :cursor\n AND d >= ? AND e = :cursors");
  }
}
