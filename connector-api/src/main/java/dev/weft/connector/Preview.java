package dev.weft.connector;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What writing one record would find in the target, as {@link Sink#write} would match it: read by
 * a {@link TargetPreview} for {@code weft plan}, without writing anything.
 */
public sealed interface Preview {

  /** The target has no record with this key (or matches by none): the write would create one. */
  record Create(Optional<String> key) implements Preview {
    public Create {
      Objects.requireNonNull(key, "key");
    }
  }

  /**
   * The target's current record with this key; {@code current} holds the record's own fields (as
   * the record names them) with the target's values, absent where the target has no such field.
   */
  record Existing(String key, Map<String, Object> current) implements Preview {
    public Existing {
      Objects.requireNonNull(key, "key");
      current = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(current));
    }
  }

  /** An append-only target (a file, a broker): the write adds the record whatever is there. */
  record Append() implements Preview {}

  /** The target would refuse the record, for {@code reason} in words. */
  record Refused(String reason) implements Preview {
    public Refused {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
