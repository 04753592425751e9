package dev.weft.connector.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DisplayUrlTest {

  @Test
  void messagesShowNoCredentialsOrParameters() {
    assertThat(Database.displayUrl("jdbc:postgresql://127.0.0.1:5432/test?user=app&password=hunter2"))
        .isEqualTo("jdbc:postgresql://127.0.0.1:5432/test");
    assertThat(Database.displayUrl("jdbc:mariadb://app:hunter2@db.example:3306/shop")).isEqualTo("jdbc:mariadb://db.example:3306/shop");
    assertThat(Database.displayUrl("jdbc:h2:file:/var/weft/db;USER=sa;PASSWORD=hunter2")).isEqualTo("jdbc:h2:file:/var/weft/db");
    assertThat(Database.displayUrl("jdbc:sqlite:/tmp/x.db")).isEqualTo("jdbc:sqlite:/tmp/x.db");
  }
}
