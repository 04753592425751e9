package dev.weft.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretBoxTest {
  private static final byte[] KEY = new byte[32];

  @Test
  void a_value_round_trips_and_is_not_stored_in_the_clear() {
    SecretBox box = SecretBox.of(KEY);
    String sealed = box.encrypt("hunter2-very-secret");
    assertThat(sealed).startsWith("v1:").doesNotContain("hunter2");
    assertThat(box.decrypt(sealed)).isEqualTo("hunter2-very-secret");
  }

  @Test
  void the_same_value_seals_differently_each_time() {
    SecretBox box = SecretBox.of(KEY);
    assertThat(box.encrypt("same")).isNotEqualTo(box.encrypt("same"));
  }

  @Test
  void a_tampered_value_is_refused() {
    SecretBox box = SecretBox.of(KEY);
    byte[] raw = Base64.getDecoder().decode(box.encrypt("pay me").substring(3));
    raw[raw.length - 20] ^= 1;
    String tampered = "v1:" + Base64.getEncoder().encodeToString(raw);
    assertThatThrownBy(() -> box.decrypt(tampered)).isInstanceOf(SecretBox.SecretException.class).hasMessageContaining("altered");
  }

  @Test
  void another_key_cannot_open_it() {
    byte[] other = new byte[32];
    other[0] = 7;
    String sealed = SecretBox.of(KEY).encrypt("s3cr3t");
    assertThatThrownBy(() -> SecretBox.of(other).decrypt(sealed))
        .isInstanceOf(SecretBox.SecretException.class).message().doesNotContain("s3cr3t");
  }

  @Test
  void the_key_file_is_created_once_with_mode_0600(@TempDir Path dir) throws Exception {
    Path file = dir.resolve(".weft/master.key");
    String sealed = SecretBox.load(Optional.empty(), file).encrypt("x");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    assertThat(SecretBox.load(Optional.empty(), file).decrypt(sealed)).isEqualTo("x");
  }

  @Test
  void the_environment_key_must_be_32_bytes() {
    assertThatThrownBy(() -> SecretBox.load(Optional.of(Base64.getEncoder().encodeToString(new byte[16])), Path.of("unused")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("WEFT_MASTER_KEY");
    String key = Base64.getEncoder().encodeToString(KEY);
    assertThat(SecretBox.load(Optional.of(key), Path.of("unused")).decrypt(SecretBox.of(KEY).encrypt("y"))).isEqualTo("y");
  }
}
